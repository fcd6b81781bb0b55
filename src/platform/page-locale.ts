/**
 * Puts the reader's UI language on an extension page: `lang` (screen readers pick their voice and
 * browsers their hyphenation and CJK fonts from it), `dir`, and the localized title.
 */
import { t } from './browser.ts';

/** Sets `lang`, `dir` and the title (message `titleKey`) of `doc`. */
export function localizeDocument(doc: Document, titleKey: string): void {
  // Browsers answer `@@ui_locale` as `en_US`; HTML wants `en-US`.
  doc.documentElement.lang = t('@@ui_locale').replace(/_/g, '-');
  doc.documentElement.dir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
  doc.title = t(titleKey);
}

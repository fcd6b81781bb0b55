import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n.ts';

export interface SiteListProps {
  sites: readonly string[];
  onRemove: (site: string) => void;
}

/**
 * The sites the reader switched off, each with a button that switches it back on. After a
 * removal, focus moves to the next button (or the heading once the list is empty) instead of
 * falling back to the top of the page with the button that had it.
 */
export default function SiteList({ sites, onRemove }: SiteListProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [refocus, setRefocus] = useState<number>();

  useEffect(() => {
    if (refocus === undefined) return;
    const buttons = list.current?.querySelectorAll('button');
    const target = buttons && buttons.length > 0 ? buttons[Math.min(refocus, buttons.length - 1)] : heading.current;
    target?.focus();
    setRefocus(undefined);
  }, [sites, refocus]);

  return (
    <section class="fc-group" aria-labelledby="fc-sites">
      <h2 id="fc-sites" ref={heading} tabIndex={-1}>
        {t('optionsSitesHeading')}
      </h2>
      {sites.length === 0 ? (
        <p>{t('optionsSitesEmpty')}</p>
      ) : (
        <ul class="fc-sites" ref={list}>
          {sites.map((site, index) => (
            <li key={site}>
              <span>{site}</span>
              <button
                type="button"
                class="fc-button"
                aria-label={t('optionsSiteRemoveLabel', site)}
                onClick={() => {
                  setRefocus(index);
                  onRemove(site);
                }}
              >
                {t('optionsSiteRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Options page entry point: builds the browser-backed services and renders src/ui/Options. */
import { render } from 'preact';
import knowledgeBase from 'virtual:fact-context/knowledge';
import '../src/ui/pages.css';
import { t as getMessage } from '../src/platform/browser.ts';
import { createExtensionSettingsStore } from '../src/platform/settings.ts';
import { setMessageBackend } from '../src/ui/i18n.ts';
import Options from '../src/ui/Options.tsx';

setMessageBackend(getMessage);
document.documentElement.lang = getMessage('@@ui_locale').replace('_', '-');
document.title = getMessage('optionsTitle');

const root = document.getElementById('app');
if (root) {
  render(
    <Options store={createExtensionSettingsStore()} sources={knowledgeBase.sources} entities={knowledgeBase.entities} />,
    root,
  );
}

/** Options page entry point: builds the browser-backed services and renders src/ui/Options. */
import { render } from 'preact';
import knowledgeBase from 'virtual:fact-context/knowledge';
import '../src/ui/pages.css';
import { t as getMessage } from '../src/platform/browser.ts';
import { localizeDocument } from '../src/platform/page-locale.ts';
import { createExtensionSettingsStore } from '../src/platform/settings.ts';
import { setMessageBackend } from '../src/ui/i18n.ts';
import Options from '../src/ui/Options.tsx';

setMessageBackend(getMessage);
localizeDocument(document, 'optionsTitle');

const root = document.getElementById('app');
if (root) {
  render(
    <Options store={createExtensionSettingsStore()} sources={knowledgeBase.sources} entities={knowledgeBase.entities} />,
    root,
  );
}

/** Popup entry point: builds the browser-backed services and renders src/ui/Popup. */
import { render } from 'preact';
import knowledgeBase from 'virtual:fact-context/knowledge';
import '../src/ui/pages.css';
import { openOptionsPage, t as getMessage } from '../src/platform/browser.ts';
import { requestFindings } from '../src/platform/findings.ts';
import { localizeDocument } from '../src/platform/page-locale.ts';
import { createExtensionSettingsStore } from '../src/platform/settings.ts';
import { setMessageBackend } from '../src/ui/i18n.ts';
import Popup, { withSummaries } from '../src/ui/Popup.tsx';

setMessageBackend(getMessage);
localizeDocument(document, 'extName');

// The page reports claims by id; their texts come from this page's own copy of the knowledge base.
const summaries = new Map(knowledgeBase.claims.map((claim) => [claim.id, claim.summary]));

const root = document.getElementById('app');
if (root) {
  render(
    <Popup
      store={createExtensionSettingsStore()}
      loadPage={async () => {
        const found = await requestFindings();
        return found && withSummaries(found, summaries);
      }}
      openOptions={() => {
        void openOptionsPage().then(() => window.close());
      }}
    />,
    root,
  );
}

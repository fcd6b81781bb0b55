/** Popup entry point: builds the browser-backed services and renders src/ui/Popup. */
import { render } from 'preact';
import '../src/ui/pages.css';
import { openOptionsPage, t as getMessage } from '../src/platform/browser.ts';
import { requestFindings } from '../src/platform/findings.ts';
import { localizeDocument } from '../src/platform/page-locale.ts';
import { createExtensionSettingsStore } from '../src/platform/settings.ts';
import { setMessageBackend } from '../src/ui/i18n.ts';
import Popup from '../src/ui/Popup.tsx';

setMessageBackend(getMessage);
localizeDocument(document, 'extName');

const root = document.getElementById('app');
if (root) {
  render(
    <Popup
      store={createExtensionSettingsStore()}
      loadPage={requestFindings}
      openOptions={() => {
        void openOptionsPage().then(() => window.close());
      }}
    />,
    root,
  );
}

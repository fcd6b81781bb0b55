/** Popup entry point (placeholder until the real popup lands in src/ui). */
import { render } from 'preact';
import { openOptionsPage, t } from '../src/platform/browser.ts';

function Popup() {
  return (
    <main style={{ font: '14px system-ui, sans-serif', minWidth: '18rem', padding: '0.5rem 1rem' }}>
      <h1 style={{ fontSize: '1.1rem' }}>{t('extName')}</h1>
      <p>{t('extDescription')}</p>
      <button type="button" onClick={() => void openOptionsPage()}>
        Options
      </button>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Popup />, root);

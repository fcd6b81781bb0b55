/** Options page entry point (placeholder until the settings UI lands in src/ui). */
import { render } from 'preact';
import { t } from '../src/platform/browser.ts';

function Options() {
  return (
    <main style={{ font: '14px system-ui, sans-serif', maxWidth: '40rem', margin: '2rem auto' }}>
      <h1>{t('extName')}</h1>
      <p>{t('extDescription')}</p>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Options />, root);

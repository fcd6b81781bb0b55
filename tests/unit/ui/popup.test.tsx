// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { createSettingsStore } from '../../../src/settings/index.ts';
import Popup, { withSummaries, type PageReport } from '../../../src/ui/Popup.tsx';
import { FakeStorageArea } from '../settings/fake-storage-area.ts';
import { setMessageBackend } from '../../../src/ui/i18n.ts';
import { button, checkbox, click, settle, textOutsideMessages, useMountPoint } from './options-helpers.ts';

const FOUND: PageReport = {
  hostname: 'www.theverge.com',
  entities: [
    { id: 'huawei', name: 'Huawei' },
    { id: 'zte', name: 'ZTE' },
  ],
  claims: [{ id: 'huawei-facebook-data', summary: 'Facebook shared user data with Huawei.' }],
};

const mount = useMountPoint();

async function show(options: { page?: () => Promise<PageReport | undefined>; openOptions?: () => void } = {}) {
  const loadPage = vi.fn(options.page ?? (() => Promise.resolve(FOUND)));
  render(
    <Popup store={createSettingsStore(mount.area)} loadPage={loadPage} openOptions={options.openOptions ?? (() => {})} />,
    mount.container,
  );
  await settle();
  return { loadPage };
}

describe('Popup', () => {
  it('lists the companies and claims found on the page, with their counts', async () => {
    const { loadPage } = await show();
    expect(loadPage).toHaveBeenCalledTimes(1);
    const text = mount.container.textContent!;
    expect(text).toContain('Companies: 2');
    expect(text).toContain('Claims: 1');
    expect([...mount.container.querySelectorAll('.fc-names li')].map((li) => li.textContent)).toEqual(['Huawei', 'ZTE']);
    expect(text).toContain('Facebook shared user data with Huawei.');
  });

  it('says so when the page mentions nothing known', async () => {
    await show({ page: () => Promise.resolve({ ...FOUND, entities: [], claims: [] }) });
    expect(mount.container.textContent).toContain('No company or claim from the knowledge base was found on this page.');
  });

  it('says it cannot work on a page without a content script', async () => {
    await show({ page: () => Promise.reject(new Error('Could not establish connection')) });
    expect(mount.container.textContent).toContain('Fact Context does not work on this page.');
  });

  it('offers no site switch when no content script answers', async () => {
    await show({ page: () => Promise.resolve(undefined) });
    expect(mount.container.textContent).toContain('Fact Context does not work on this page.');
    expect(mount.container.querySelectorAll('input[type="checkbox"]')).toHaveLength(1);
    expect(checkbox(mount.container, 'Highlight on all sites').checked).toBe(true);
  });

  it('shows the loading state until the page answers', async () => {
    let answer!: (report: PageReport) => void;
    await show({ page: () => new Promise((resolve) => (answer = resolve)) });
    expect(mount.container.textContent).toContain('Reading this page…');
    answer(FOUND);
    await settle();
    expect(mount.container.textContent).toContain('Companies: 2');
  });

  it('switches the current site off and back on, saving each time', async () => {
    await show();
    const site = checkbox(mount.container, 'Highlight on theverge.com');
    expect(site.checked).toBe(true);
    expect(site.getAttribute('role')).toBe('switch');

    await click(site);
    expect(mount.area.data.get('disabledSites')).toEqual(['theverge.com']);
    expect(checkbox(mount.container, 'Highlight on theverge.com').checked).toBe(false);
    expect(mount.container.textContent).toContain('Highlighting is off on this site.');
    expect(mount.container.textContent).not.toContain('Huawei');

    await click(checkbox(mount.container, 'Highlight on theverge.com'));
    expect(mount.area.data.get('disabledSites')).toEqual([]);
    expect(mount.container.textContent).toContain('Huawei');
  });

  it('asks the page again when the site is switched back on', async () => {
    mount.area.data.set('disabledSites', ['theverge.com']);
    const answers = [{ ...FOUND, entities: [], claims: [] }, FOUND];
    const { loadPage } = await show({ page: () => Promise.resolve(answers.shift()) });
    expect(mount.container.textContent).toContain('Highlighting is off on this site.');
    await click(checkbox(mount.container, 'Highlight on theverge.com'));
    expect(loadPage).toHaveBeenCalledTimes(2);
    expect(mount.container.textContent).toContain('Companies: 2');
  });

  it('pauses everywhere with the global switch', async () => {
    await show();
    await click(checkbox(mount.container, 'Highlight on all sites'));
    expect(mount.area.data.get('enabled')).toBe(false);
    expect(mount.container.textContent).toContain('Paused: nothing is highlighted');
  });

  it('follows a change made on the options page while open', async () => {
    await show();
    await mount.area.writeFromElsewhere({ enabled: false });
    await settle();
    expect(checkbox(mount.container, 'Highlight on all sites').checked).toBe(false);
  });

  it('opens the settings', async () => {
    const openOptions = vi.fn();
    await show({ openOptions });
    await click(button(mount.container, 'Settings'));
    expect(openOptions).toHaveBeenCalledTimes(1);
  });

  it('renders with defaults when storage holds garbage', async () => {
    mount.area = new FakeStorageArea({ enabled: 'garbage', disabledSites: 42 });
    await show();
    expect(checkbox(mount.container, 'Highlight on all sites').checked).toBe(true);
    expect(checkbox(mount.container, 'Highlight on theverge.com').checked).toBe(true);
  });

  it('takes every interface string from the locale files', async () => {
    setMessageBackend((key) => `«${key}»`);
    await show();
    const data = new Set([...FOUND.entities.map((e) => e.name), ...FOUND.claims.map((c) => c.summary)]);
    expect(textOutsideMessages(mount.container).filter((text) => !data.has(text))).toEqual([]);
  });
});

describe('withSummaries', () => {
  it('gives each claim the page reports its summary, and leaves out claims the popup does not know', () => {
    const summaries = new Map([['known', 'A known claim.']]);
    const report = withSummaries({ hostname: 'example.com', entities: [{ id: 'huawei', name: 'Huawei' }], claims: [{ id: 'stale' }, { id: 'known' }] }, summaries);
    expect(report).toEqual({ hostname: 'example.com', entities: [{ id: 'huawei', name: 'Huawei' }], claims: [{ id: 'known', summary: 'A known claim.' }] });
  });
});

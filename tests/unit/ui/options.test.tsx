// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { Source } from '../../../src/knowledge/types.ts';
import { createSettingsStore } from '../../../src/settings/index.ts';
import Options from '../../../src/ui/Options.tsx';
import { FakeStorageArea } from '../settings/fake-storage-area.ts';
import { setMessageBackend } from '../../../src/ui/i18n.ts';
import { button, checkbox, click, settle, textOutsideMessages, useMountPoint } from './options-helpers.ts';

const SOURCES: Source[] = [
  { id: 'verge-2019', type: 'article', outlet: 'The Verge' },
  { id: 'gizmodo-2018', type: 'article', outlet: 'Gizmodo' },
  { id: 'gizmodo-2019', type: 'article', outlet: 'Gizmodo' },
  { id: 'nyt', type: 'outlet', outlet: 'The New York Times' },
];
const ENTITIES = [
  { id: 'zte', name: 'ZTE' },
  { id: 'huawei', name: 'Huawei' },
];

const mount = useMountPoint();

async function show() {
  render(<Options store={createSettingsStore(mount.area)} sources={SOURCES} entities={ENTITIES} />, mount.container);
  await settle();
}

const legends = () => [...mount.container.querySelectorAll('fieldset > legend')].map((l) => l.textContent);
const labelsIn = (legend: string) => {
  const fieldset = [...mount.container.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === legend);
  return [...(fieldset?.querySelectorAll('label') ?? [])].map((l) => l.textContent);
};

describe('Options', () => {
  it('groups the toggles under headings and legends', async () => {
    await show();
    expect(mount.container.querySelector('h1')?.textContent).toBe('Fact Context settings');
    expect(legends()).toEqual(['General', 'Sources', 'Kinds of excerpt', 'Companies']);
    expect(mount.container.querySelector('h2')?.textContent).toBe('Sites where highlighting is off');
  });

  it("lists each article outlet once, sorted, and not the outlets they merely cite", async () => {
    await show();
    expect(labelsIn('Sources')).toEqual(['Gizmodo', 'The Verge']);
  });

  it('lists the companies by name', async () => {
    await show();
    expect(labelsIn('Companies')).toEqual(['Huawei', 'ZTE']);
  });

  it('shows the defaults: everything on except reader comments', async () => {
    await show();
    expect(labelsIn('Kinds of excerpt')).toEqual([
      'Reports',
      'Official denials and responses',
      'Background',
      'Reader comments',
    ]);
    expect(checkbox(mount.container, 'Reports').checked).toBe(true);
    expect(checkbox(mount.container, 'Reader comments').checked).toBe(false);
    expect(checkbox(mount.container, 'Gizmodo').checked).toBe(true);
    expect(checkbox(mount.container, 'Highlight on all sites').checked).toBe(true);
  });

  it('hides an outlet and shows it again, saving at once', async () => {
    await show();
    await click(checkbox(mount.container, 'Gizmodo'));
    expect(mount.area.data.get('hiddenOutlets')).toEqual(['Gizmodo']);
    expect(checkbox(mount.container, 'Gizmodo').checked).toBe(false);
    expect(mount.container.querySelector('[role="status"]')?.textContent).toBe('Saved.');
    await click(checkbox(mount.container, 'Gizmodo'));
    expect(mount.area.data.get('hiddenOutlets')).toEqual([]);
  });

  it('switches denials and responses together, and reader comments on', async () => {
    await show();
    await click(checkbox(mount.container, 'Official denials and responses'));
    await click(checkbox(mount.container, 'Reader comments'));
    expect(mount.area.data.get('kinds')).toEqual({ report: true, denial: false, response: false, context: true, comment: true });
  });

  it('keeps two quick clicks on different lists', async () => {
    await show();
    checkbox(mount.container, 'Huawei').click();
    checkbox(mount.container, 'ZTE').click();
    await settle();
    expect(mount.area.data.get('hiddenEntities')).toEqual(['huawei', 'zte']);
    expect(checkbox(mount.container, 'Huawei').checked).toBe(false);
    expect(checkbox(mount.container, 'ZTE').checked).toBe(false);
  });

  it('pauses everywhere from the General group', async () => {
    await show();
    await click(checkbox(mount.container, 'Highlight on all sites'));
    expect(mount.area.data.get('enabled')).toBe(false);
  });

  it('removes a switched-off site and moves focus to the next one', async () => {
    mount.area.data.set('disabledSites', ['a.example', 'b.example']);
    await show();
    const first = button(mount.container, 'Switch highlighting back on for a.example');
    expect(first.textContent).toBe('Remove');
    first.focus();
    await click(first);
    expect(mount.area.data.get('disabledSites')).toEqual(['b.example']);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Switch highlighting back on for b.example');

    await click(button(mount.container, 'Switch highlighting back on for b.example'));
    expect(mount.area.data.get('disabledSites')).toEqual([]);
    expect(mount.container.textContent).toContain('None. You can switch a site off from the toolbar button.');
    expect(document.activeElement?.textContent).toBe('Sites where highlighting is off');
  });

  it('renders with defaults, keeping the good values, when storage holds garbage', async () => {
    mount.area = new FakeStorageArea({ kinds: 'garbage', hiddenOutlets: 42, hiddenEntities: ['zte'], disabledSites: [null, 'x.example'] });
    await show();
    expect(checkbox(mount.container, 'Reports').checked).toBe(true);
    expect(checkbox(mount.container, 'Reader comments').checked).toBe(false);
    expect(checkbox(mount.container, 'Gizmodo').checked).toBe(true);
    expect(checkbox(mount.container, 'ZTE').checked).toBe(false);
    expect(mount.container.querySelectorAll('.fc-sites li')).toHaveLength(1);
  });

  it('says when a change could not be saved and shows what is stored', async () => {
    await show();
    mount.area.failNextSet = new Error('QUOTA_BYTES quota exceeded');
    await click(checkbox(mount.container, 'Gizmodo'));
    expect(mount.container.querySelector('[role="status"]')?.textContent).toBe('Could not save the change.');
    expect(checkbox(mount.container, 'Gizmodo').checked).toBe(true);
  });

  it('follows changes made in another tab', async () => {
    await show();
    await mount.area.writeFromElsewhere({ hiddenOutlets: ['The Verge'] });
    await settle();
    expect(checkbox(mount.container, 'The Verge').checked).toBe(false);
  });

  it('uses real, labelled form controls', async () => {
    await show();
    for (const input of mount.container.querySelectorAll('input')) {
      expect(input.type).toBe('checkbox');
      expect(input.closest('label')?.textContent?.trim()).not.toBe('');
    }
    const comment = checkbox(mount.container, 'Reader comments');
    const hint = document.getElementById(comment.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toBe('Reader comments are not a source of record.');
  });

  it('takes every interface string from the locale files', async () => {
    setMessageBackend((key) => `«${key}»`);
    mount.area.data.set('disabledSites', ['a.example']);
    await show();
    // What is left outside «…» must be data: outlet and company names, the switched-off site.
    const data = new Set([...SOURCES.map((s) => s.outlet), ...ENTITIES.map((e) => e.name), 'a.example']);
    expect(textOutsideMessages(mount.container).filter((text) => !data.has(text))).toEqual([]);
  });
});

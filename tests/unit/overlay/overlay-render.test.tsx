// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeMark, type Mark } from '../../../src/page/highlights.ts';
import { parseSettings, type Settings } from '../../../src/settings/index.ts';
import { buildFindings, countResponses } from '../../../src/ui/findings.ts';
import { createOnPageIndex } from '../../../src/ui/on-page.ts';
import Overlay from '../../../src/ui/Overlay.tsx';
import type { CardState, OverlayActions } from '../../../src/ui/overlay-types.ts';
import { useEnglish } from './setup-i18n.ts';
import { tinyKb } from './tiny-kb.ts';

const PAGE = 'Acme met Globex. Acme was one of four companies with access to Globex user data, reports say.';

function marksFor(text: Text): Mark[] {
  const range = (start: number, end: number) => {
    const r = document.createRange();
    r.setStart(text, start);
    r.setEnd(text, end);
    return r;
  };
  return [
    makeMark('mention', range(0, 4), ['acme']),
    makeMark('mention', range(9, 15), ['globex']),
    makeMark('claim', range(17, PAGE.length), ['acme', 'globex'], { claim: 'acme-data', cues: ['data'] }),
    makeMark('mention', range(17, 21), ['acme']),
  ];
}

function actions(): OverlayActions {
  return {
    openSidebar: vi.fn(),
    closeSidebar: vi.fn(),
    closeCard: vi.fn(),
    cardHover: vi.fn(),
    showOnPage: vi.fn(),
    setOutletVisible: vi.fn(),
    setKindsVisible: vi.fn(),
    setEntityVisible: vi.fn(),
  };
}

describe('overlay components', () => {
  let mount: HTMLElement;
  let marks: Mark[];
  beforeAll(useEnglish);
  beforeEach(() => {
    document.body.innerHTML = `<p id="page">${PAGE}</p><div id="mount"></div>`;
    mount = document.querySelector('#mount')!;
    marks = marksFor(document.querySelector('#page')!.firstChild as Text);
  });

  function show(settings: Settings, options: { card?: CardState; sidebar?: boolean } = {}, acts = actions()) {
    const findings = buildFindings({ kb: tinyKb(), marks, settings, onPage: createOnPageIndex(PAGE) });
    act(() => {
      render(
        <Overlay
          findings={findings}
          settings={settings}
          actions={acts}
          card={options.card ?? null}
          sidebar={{ open: options.sidebar ?? true }}
          announcement="Found"
        />,
        mount,
      );
    });
    return acts;
  }

  const claimEntry = () => mount.querySelector<HTMLElement>('[data-claim="acme-data"]')!;

  it('groups excerpts by source with attribution, and sets the responses apart', () => {
    show(parseSettings({}));
    const reports = claimEntry().querySelector('.fc-reports')!;
    const responses = claimEntry().querySelector('.fc-responses')!;
    expect([...reports.querySelectorAll('.fc-source > h6')].map((h) => h.textContent)).toEqual([
      'The Gazette: “Acme and the data deal” · June 6, 2018',
      'The Herald: “Acme denies it all” · June 7, 2018',
    ]);
    expect(reports.textContent).toContain('citing The Daily Planet');
    expect(responses.textContent).toContain('We never collected or stored any Globex user data');
    expect(responses.textContent).toContain('Joe Kelly, Acme spokesman');
    expect(responses.textContent).toContain('Acme said the integration was approved by Globex.');
    expect(reports.textContent).not.toContain('We never collected');
    expect(claimEntry().textContent).toContain('Recognised by: data');
    expect(claimEntry().textContent).toContain('Claimed by: The Daily Planet');
  });

  it('marks an excerpt whose words are on the page', () => {
    show(parseSettings({}));
    const onPage = [...claimEntry().querySelectorAll('[data-on-page="true"] blockquote')].map((b) => b.textContent);
    expect(onPage).toEqual(['Acme was one of four companies with access to Globex user data.']);
  });

  it('hides the excerpts of a switched-off source', () => {
    show(parseSettings({ hiddenOutlets: ['The Herald'] }));
    expect(claimEntry().textContent).not.toContain('Acme said the integration was approved');
    expect(claimEntry().textContent).not.toContain('Lawmakers said');
    expect(claimEntry().textContent).toContain('Excerpts hidden by your switches: 2');
    expect(claimEntry().textContent).toContain('We never collected');
  });

  it('hides an outlet wherever it is cited', () => {
    show(parseSettings({ hiddenOutlets: ['The Daily Planet'] }));
    expect(claimEntry().textContent).not.toContain('Acme was one of four companies');
  });

  it('hides denials and responses with their switch', () => {
    show(parseSettings({ kinds: { denial: false, response: false } }));
    expect(claimEntry().querySelector('.fc-responses')!.textContent).toContain('No denial or response is shown.');
  });

  it('lists each company once, in order of first mention, with its mentions', () => {
    show(parseSettings({}));
    const companies = [...mount.querySelectorAll<HTMLElement>('article[data-entity]')];
    expect(companies.map((c) => c.dataset.entity)).toEqual(['acme', 'globex']);
    expect(companies[0]!.textContent).toContain('Mentions on this page: 2');
  });

  it('reports the switches back as settings changes', () => {
    const acts = show(parseSettings({}));
    const herald = mount.querySelector<HTMLInputElement>('input[data-outlet="The Herald"]')!;
    act(() => herald.click());
    expect(acts.setOutletVisible).toHaveBeenCalledWith('The Herald', false);
    const acme = mount.querySelector<HTMLInputElement>('input[data-entity="acme"]')!;
    act(() => acme.click());
    expect(acts.setEntityVisible).toHaveBeenCalledWith('acme', false);
  });

  it('closes on Escape and from its close button', () => {
    const acts = show(parseSettings({}));
    const aside = mount.querySelector('aside')!;
    expect(aside.getAttribute('aria-label')).toBe('Fact Context');
    act(() => {
      aside.querySelector('h2')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(acts.closeSidebar).toHaveBeenCalledTimes(1);
    act(() => mount.querySelector<HTMLButtonElement>('header button')!.click());
    expect(acts.closeSidebar).toHaveBeenCalledTimes(2);
  });

  it('hover card: the company, its claims here, the responses count, and the way to the sidebar', () => {
    const card: CardState = { entity: 'acme', anchor: { top: 10, left: 10, width: 40, height: 18 } };
    const acts = show(parseSettings({}), { card, sidebar: false });
    const dialog = mount.querySelector<HTMLElement>('.fc-card')!;
    expect(dialog.querySelector('h2')!.textContent).toBe('Acme');
    expect(dialog.textContent).toContain('Acme had access to Globex user data.');
    expect(dialog.textContent).not.toContain('could be used for spying');
    expect(dialog.textContent).toContain('Denials and responses on record: 2');
    act(() => dialog.querySelector<HTMLButtonElement>('button')!.click());
    expect(acts.openSidebar).toHaveBeenCalledWith({ type: 'company', id: 'acme' });
  });

  it('hover card counts a response that answers two claims once', () => {
    const kb = tinyKb();
    kb.excerpts.find((e) => e.id === 'g-denial')!.claims.push('acme-spying');
    const text = document.querySelector('#page')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 16);
    marks.push(makeMark('claim', range, ['acme'], { claim: 'acme-spying' }));
    const findings = buildFindings({ kb, marks, settings: parseSettings({}), onPage: createOnPageIndex(PAGE) });
    expect(findings.company('acme')!.claimsOnPage).toEqual(['acme-data', 'acme-spying']);
    expect(countResponses(findings, findings.company('acme')!.claimsOnPage)).toBe(2);
  });

  it('hover card counts only the responses the switches show', () => {
    const card: CardState = { entity: 'acme', anchor: { top: 10, left: 10, width: 40, height: 18 } };
    show(parseSettings({ hiddenOutlets: ['The Herald'] }), { card, sidebar: false });
    expect(mount.querySelector('.fc-card')!.textContent).toContain('Denials and responses on record: 1');
  });
});

import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../settings/index.ts';
import ClaimEntry from './ClaimEntry.tsx';
import CompanyEntry from './CompanyEntry.tsx';
import type { Findings } from './findings.ts';
import { domId } from './format.ts';
import { t } from './i18n.ts';
import type { OverlayActions, ShownState, Target } from './overlay-types.ts';
import SidebarFilters from './SidebarFilters.tsx';

export interface SidebarProps {
  findings: Findings;
  settings: Settings;
  actions: OverlayActions;
  /** Where to open; `nonce` changes on every request so the same target can be asked for twice. */
  target?: Target & { nonce: number };
  /** What a screen reader should hear about the findings. */
  announcement: string;
  shown?: ShownState | undefined;
}

const shownFor = (shown: ShownState | undefined, type: Target['type'], id: string) => (shown?.type === type && shown.id === id ? shown : undefined);

function prefersReducedMotion(element: Element): boolean {
  return element.ownerDocument.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/**
 * The sidebar: every company and every claim found on the page, with the sources' verbatim
 * excerpts and the responses set apart, plus the switches for sources, kinds and companies.
 */
export default function Sidebar({ findings, settings, actions, target, announcement, shown }: SidebarProps) {
  const aside = useRef<HTMLElement>(null);
  const [spoken, setSpoken] = useState('');

  // The live region must exist before its text changes, or screen readers stay silent.
  useEffect(() => {
    const view = aside.current?.ownerDocument.defaultView;
    if (!view) return;
    const frame = view.requestAnimationFrame(() => setSpoken(announcement));
    return () => view.cancelAnimationFrame(frame);
  }, [announcement]);

  useEffect(() => {
    const root = aside.current;
    if (!root) return;
    const id = target ? domId(target.type === 'company' ? 'fc-company' : 'fc-claim', target.id) : undefined;
    const entry = id ? root.querySelector<HTMLElement>(`#${id}`) : null;
    const heading = entry?.querySelector<HTMLElement>('h4') ?? root.querySelector<HTMLElement>('header h2');
    entry?.scrollIntoView({ block: 'start', behavior: prefersReducedMotion(root) ? 'auto' : 'smooth' });
    heading?.focus({ preventScroll: true });
  }, [target?.type, target?.id, target?.nonce]);

  const claims = findings.claimsOnPage.map((id) => findings.claim(id)).filter((view) => view !== undefined);
  return (
    <aside
      ref={aside}
      class="fc-sidebar"
      aria-label="Fact Context"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        actions.closeSidebar();
      }}
    >
      <header>
        <h2 tabIndex={-1}>Fact Context</h2>
        <button type="button" aria-label={t('sidebarClose')} title={t('sidebarClose')} onClick={() => actions.closeSidebar()}>
          ✕
        </button>
      </header>
      <p class="fc-sr" role="status" aria-live="polite">
        {spoken}
      </p>
      <div class="fc-body">
        {findings.companies.length === 0 && <p class="fc-muted">{t('sidebarNothing')}</p>}
        {findings.companies.length > 0 && (
          <section aria-labelledby="fc-companies-heading">
            <h3 id="fc-companies-heading">{t('sidebarCompanies', [String(findings.companies.length)])}</h3>
            {findings.companies.map((company) => (
              <CompanyEntry
                key={company.entity.id}
                company={company}
                findings={findings}
                actions={actions}
                target={target?.type === 'company' && target.id === company.entity.id}
                shown={shownFor(shown, 'company', company.entity.id)}
              />
            ))}
          </section>
        )}
        {claims.length > 0 && (
          <section aria-labelledby="fc-claims-heading">
            <h3 id="fc-claims-heading">{t('sidebarClaims', [String(claims.length)])}</h3>
            {claims.map((view) => (
              <ClaimEntry
                key={view.claim.id}
                view={view}
                actions={actions}
                target={target?.type === 'claim' && target.id === view.claim.id}
                shown={shownFor(shown, 'claim', view.claim.id)}
              />
            ))}
          </section>
        )}
        <SidebarFilters findings={findings} settings={settings} actions={actions} />
      </div>
    </aside>
  );
}

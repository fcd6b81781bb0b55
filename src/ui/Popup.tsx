import { useEffect, useRef, useState } from 'preact/hooks';
import { disablingSite, isSiteEnabled, siteKey, siteToggle, type Settings, type SettingsStore } from '../settings/index.ts';
import { t } from './i18n.ts';
import Toggle from './Toggle.tsx';
import { useSettings } from './use-settings.ts';

/** What the content script of the current tab reports, as the popup shows it. */
export interface PageReport {
  /** The page's hostname: the site the site switch acts on. */
  hostname: string;
  entities: ReadonlyArray<{ id: string; name: string }>;
  claims: ReadonlyArray<{ id: string; summary: string }>;
}

/** What the content script answers: claims come as ids. */
export interface PageFindings {
  hostname: string;
  entities: ReadonlyArray<{ id: string; name: string }>;
  claims: ReadonlyArray<{ id: string }>;
}

/**
 * The page's findings with each claim's summary from the knowledge base the popup bundles; a
 * claim it does not know (a content script from another version of the extension) is left out.
 */
export function withSummaries(found: PageFindings, summaries: ReadonlyMap<string, string>): PageReport {
  return {
    hostname: found.hostname,
    entities: found.entities,
    claims: found.claims.flatMap(({ id }) => {
      const summary = summaries.get(id);
      return summary === undefined ? [] : [{ id, summary }];
    }),
  };
}

export interface PopupProps {
  store: SettingsStore;
  /** Asks the current tab; `undefined` when no content script answers (a browser page, a PDF). */
  loadPage: () => Promise<PageReport | undefined>;
  openOptions: () => void;
}

type ReportState = { status: 'loading' } | { status: 'ready'; report: PageReport | undefined };

/**
 * The toolbar popup: a switch for this site and the global pause (first, so they never scroll
 * out of the popup's height), what the current page mentions, and the way to the settings.
 */
export default function Popup({ store, loadPage, openOptions }: PopupProps) {
  const { settings, update } = useSettings(store);
  const [state, setState] = useState<ReportState>({ status: 'loading' });
  const [asked, setAsked] = useState(0);
  const report = state.status === 'ready' ? state.report : undefined;
  const site = report ? siteKey(report.hostname) : undefined;
  const active = site !== undefined && settings !== undefined && isSiteEnabled(settings, site);

  useEffect(() => {
    let live = true;
    loadPage().then(
      (next) => live && setState({ status: 'ready', report: next }),
      () => live && setState({ status: 'ready', report: undefined }),
    );
    return () => {
      live = false;
    };
  }, [loadPage, asked]);

  // A page switched (back) on scans again; ask it once more so the lists are not the empty ones
  // it gave while switched off.
  const known = site !== undefined && settings !== undefined;
  const wasActive = useRef<boolean | undefined>(undefined);
  useEffect(() => {
    if (!known) return;
    if (active && wasActive.current === false) setAsked((n) => n + 1);
    wasActive.current = active;
  }, [known, active]);

  return (
    <main class="fc-page fc-popup">
      <h1>{t('extName')}</h1>
      {settings && (
        <div class="fc-switches">
          {site && (
            <Toggle
              isSwitch
              label={t('popupSiteLabel', site)}
              checked={disablingSite(settings, site) === undefined}
              onChange={(on) => update((current) => siteToggle(current, site, on))}
            />
          )}
          <Toggle
            isSwitch
            label={t('popupEnabledLabel')}
            checked={settings.enabled}
            onChange={(on) => update({ enabled: on })}
          />
        </div>
      )}
      <section aria-labelledby="fc-found">
        <h2 id="fc-found">{t('popupFoundHeading')}</h2>
        <Findings state={state} site={site} settings={settings} />
      </section>
      <button type="button" class="fc-button" onClick={openOptions}>
        {t('popupOpenOptions')}
      </button>
    </main>
  );
}

interface FindingsProps {
  state: ReportState;
  site: string | undefined;
  settings: Settings | undefined;
}

function Findings({ state, site, settings }: FindingsProps) {
  if (!settings || state.status === 'loading') return <p aria-busy="true">{t('popupLoading')}</p>;
  if (!site || !state.report) return <p>{t('popupUnavailable')}</p>;
  if (!settings.enabled) return <p>{t('popupPausedNote')}</p>;
  if (disablingSite(settings, site) !== undefined) return <p>{t('popupSiteDisabledNote')}</p>;
  const { entities, claims } = state.report;
  if (entities.length === 0 && claims.length === 0) return <p>{t('popupNothingFound')}</p>;
  return (
    <>
      <h3>{t('popupCompaniesCount', entities.length)}</h3>
      <ul class="fc-names">
        {entities.map((entity) => (
          <li key={entity.id}>{entity.name}</li>
        ))}
      </ul>
      <h3>{t('popupClaimsCount', claims.length)}</h3>
      <ul class="fc-claims">
        {claims.map((claim) => (
          <li key={claim.id}>{claim.summary}</li>
        ))}
      </ul>
    </>
  );
}

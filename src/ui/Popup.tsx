import { useEffect, useState } from 'preact/hooks';
import { disablingSite, isSiteEnabled, siteToggle, siteKey, type Settings, type SettingsStore } from '../settings/index.ts';
import { t } from './i18n.ts';
import Toggle from './Toggle.tsx';
import { useSettings } from './use-settings.ts';

/** What the content script of the current tab found, as the popup lists it. */
export interface PageFindings {
  entities: ReadonlyArray<{ id: string; name: string }>;
  claims: ReadonlyArray<{ id: string; summary: string }>;
}

export interface PopupProps {
  store: SettingsStore;
  /** The current tab's hostname; `undefined` when it is not a web page (a browser page, a PDF viewer). */
  hostname: string | undefined;
  /** Asks the current tab what it found; `undefined` when no content script answers. */
  loadFindings: () => Promise<PageFindings | undefined>;
  openOptions: () => void;
}

type FindingsState = { status: 'loading' } | { status: 'ready'; findings: PageFindings | undefined };

/**
 * The toolbar popup: what the current page mentions, a switch for this site, the global pause,
 * and the way to the settings.
 */
export default function Popup({ store, hostname, loadFindings, openOptions }: PopupProps) {
  const { settings, update } = useSettings(store);
  const [state, setState] = useState<FindingsState>({ status: 'loading' });
  const site = hostname === undefined ? undefined : siteKey(hostname);

  // The page is asked only once the settings say it is on: a switched-off page has nothing to say.
  const active = site !== undefined && settings !== undefined && isSiteEnabled(settings, site);

  useEffect(() => {
    if (!active) return;
    // Asked again whenever the site is switched (back) on, because then the page scans.
    let live = true;
    setState({ status: 'loading' });
    loadFindings().then(
      (findings) => live && setState({ status: 'ready', findings }),
      () => live && setState({ status: 'ready', findings: undefined }),
    );
    return () => {
      live = false;
    };
  }, [loadFindings, active]);

  return (
    <main class="fc-page fc-popup">
      <h1>{t('extName')}</h1>
      <section aria-labelledby="fc-found">
        <h2 id="fc-found">{t('popupFoundHeading')}</h2>
        <Findings state={state} site={site} settings={settings} />
      </section>
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
      <button type="button" class="fc-button" onClick={openOptions}>
        {t('popupOpenOptions')}
      </button>
    </main>
  );
}

interface FindingsProps {
  state: FindingsState;
  site: string | undefined;
  settings: Settings | undefined;
}

function Findings({ state, site, settings }: FindingsProps) {
  if (!site) return <p>{t('popupUnavailable')}</p>;
  if (settings && !settings.enabled) return <p>{t('popupPausedNote')}</p>;
  if (settings && disablingSite(settings, site) !== undefined) return <p>{t('popupSiteDisabledNote')}</p>;
  if (!settings || state.status === 'loading') return <p aria-busy="true">{t('popupLoading')}</p>;
  const { findings } = state;
  if (!findings) return <p>{t('popupUnavailable')}</p>;
  if (findings.entities.length === 0 && findings.claims.length === 0) return <p>{t('popupNothingFound')}</p>;
  return (
    <>
      <h3>{t('popupCompaniesCount', findings.entities.length)}</h3>
      <ul class="fc-names">
        {findings.entities.map((entity) => (
          <li key={entity.id}>{entity.name}</li>
        ))}
      </ul>
      <h3>{t('popupClaimsCount', findings.claims.length)}</h3>
      <ul class="fc-claims">
        {findings.claims.map((claim) => (
          <li key={claim.id}>{claim.summary}</li>
        ))}
      </ul>
    </>
  );
}

import type { ExcerptKind } from '../knowledge/types.ts';
import type { Settings } from '../settings/index.ts';
import type { Findings } from './findings.ts';
import { t, type MessageKey } from './i18n.ts';
import type { OverlayActions } from './overlay-types.ts';

export interface SidebarFiltersProps {
  findings: Findings;
  settings: Settings;
  actions: OverlayActions;
}

/** The same switches as the options page: denials and responses go together. */
const KIND_SWITCHES: { kinds: ExcerptKind[]; label: MessageKey }[] = [
  { kinds: ['report'], label: 'kindReport' },
  { kinds: ['denial', 'response'], label: 'kindDenialsAndResponses' },
  { kinds: ['context'], label: 'kindContext' },
  { kinds: ['comment'], label: 'kindComment' },
];

/** Source, kind and company switches: the same settings the options page edits, applied at once. */
export default function SidebarFilters({ findings, settings, actions }: SidebarFiltersProps) {
  return (
    <details class="fc-filters">
      <summary>{t('filtersHeading')}</summary>
      {findings.outlets.length > 0 && (
        <fieldset>
          <legend>{t('filtersSources')}</legend>
          {findings.outlets.map((outlet) => (
            <label key={outlet}>
              <input
                type="checkbox"
                data-outlet={outlet}
                checked={!settings.hiddenOutlets.includes(outlet)}
                onChange={(event) => actions.setOutletVisible(outlet, event.currentTarget.checked)}
              />
              {outlet}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset>
        <legend>{t('optionsKindsLegend')}</legend>
        {KIND_SWITCHES.map(({ kinds, label }) => (
          <label key={label}>
            <input
              type="checkbox"
              data-kind={kinds.join(' ')}
              checked={kinds.some((kind) => settings.kinds[kind] !== false)}
              onChange={(event) => actions.setKindsVisible(kinds, event.currentTarget.checked)}
            />
            {t(label)}
          </label>
        ))}
      </fieldset>
      {findings.companies.length > 0 && (
        <fieldset>
          <legend>{t('filtersCompanies')}</legend>
          {findings.companies.map(({ entity, hidden }) => (
            <label key={entity.id}>
              <input
                type="checkbox"
                data-entity={entity.id}
                checked={!hidden}
                onChange={(event) => actions.setEntityVisible(entity.id, event.currentTarget.checked)}
              />
              {entity.name}
            </label>
          ))}
        </fieldset>
      )}
    </details>
  );
}

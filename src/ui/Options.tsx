import type { Entity, ExcerptKind, Source } from '../knowledge/types.ts';
import { withMember, type Settings, type SettingsStore } from '../settings/index.ts';
import { t, type MessageKey } from './i18n.ts';
import ChoiceGroup, { type Choice } from './options/ChoiceGroup.tsx';
import SiteList from './options/SiteList.tsx';
import Toggle from './Toggle.tsx';
import { useSettings } from './use-settings.ts';

export interface OptionsProps {
  store: SettingsStore;
  /** The knowledge base's sources: its articles' outlets are the source toggles. */
  sources: readonly Source[];
  /** The knowledge base's companies. */
  entities: readonly Pick<Entity, 'id' | 'name'>[];
}

/** The kind switches the reader sees; denials and responses are one choice ("the other side"). */
const KIND_CHOICES: ReadonlyArray<{ id: string; label: MessageKey; hint?: MessageKey; kinds: ExcerptKind[] }> = [
  { id: 'report', label: 'kindReport', kinds: ['report'] },
  { id: 'official', label: 'kindDenialsAndResponses', kinds: ['denial', 'response'] },
  { id: 'context', label: 'kindContext', kinds: ['context'] },
  { id: 'comment', label: 'kindComment', hint: 'kindCommentHint', kinds: ['comment'] },
];

/** The options page. Every change is saved the moment it is made; there is no Save button. */
export default function Options({ store, sources, entities }: OptionsProps) {
  const { settings, save, update } = useSettings(store);
  const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

  const outlets = [...new Set(sources.filter((s) => s.type === 'article').map((s) => s.outlet))].sort(collator.compare);
  const companies = [...entities].sort((a, b) => collator.compare(a.name, b.name));

  return (
    <main class="fc-page fc-options">
      <h1>{t('optionsTitle')}</h1>
      <p>{t('optionsIntro')}</p>
      {settings && (
        <>
          <fieldset class="fc-group">
            <legend>{t('optionsGeneralLegend')}</legend>
            <Toggle label={t('popupEnabledLabel')} checked={settings.enabled} onChange={(on) => update({ enabled: on })} />
          </fieldset>
          <ChoiceGroup
            legend={t('optionsSourcesLegend')}
            hint={t('optionsSourcesHint')}
            empty={t('optionsNoData')}
            choices={outlets.map((outlet) => ({
              id: outlet,
              label: outlet,
              checked: !settings.hiddenOutlets.includes(outlet),
            }))}
            onToggle={(outlet, on) => update((s) => ({ hiddenOutlets: withMember(s.hiddenOutlets, outlet, !on) }))}
          />
          <ChoiceGroup
            legend={t('optionsKindsLegend')}
            hint={t('optionsKindsHint')}
            empty={t('optionsNoData')}
            choices={kindChoices(settings)}
            onToggle={(id, on) => update((s) => ({ kinds: withKinds(s.kinds, id, on) }))}
          />
          <ChoiceGroup
            legend={t('optionsEntitiesLegend')}
            hint={t('optionsEntitiesHint')}
            empty={t('optionsNoData')}
            choices={companies.map((entity) => ({
              id: entity.id,
              label: entity.name,
              checked: !settings.hiddenEntities.includes(entity.id),
            }))}
            onToggle={(id, on) => update((s) => ({ hiddenEntities: withMember(s.hiddenEntities, id, !on) }))}
          />
          <SiteList
            sites={settings.disabledSites}
            onRemove={(site) => update((s) => ({ disabledSites: withMember(s.disabledSites, site, false) }))}
          />
        </>
      )}
      <p class="fc-status" role="status">
        {save === 'saved' ? t('optionsSaved') : save === 'failed' ? t('optionsSaveFailed') : ''}
      </p>
    </main>
  );
}

function kindChoices(settings: Settings): Choice[] {
  return KIND_CHOICES.map(({ id, label, hint, kinds }) => ({
    id,
    label: t(label),
    hint: hint && t(hint),
    // Checked only when every kind in the group is on; a click then sets them all alike.
    checked: kinds.every((kind) => settings.kinds[kind]),
  }));
}

function withKinds(current: Settings['kinds'], id: string, on: boolean): Settings['kinds'] {
  const next = { ...current };
  for (const kind of KIND_CHOICES.find((choice) => choice.id === id)?.kinds ?? []) next[kind] = on;
  return next;
}

import type { ExcerptKind } from '../knowledge/types.ts';
import type { ExcerptView, SourceGroup } from './findings.ts';
import { formatIsoDate } from './format.ts';
import { t, type MessageKey } from './i18n.ts';

export interface SourceGroupsProps {
  groups: SourceGroup[];
}

const KIND_KEYS: Record<ExcerptKind, MessageKey> = {
  report: 'excerptKindReport',
  denial: 'excerptKindDenial',
  response: 'excerptKindResponse',
  context: 'excerptKindContext',
  comment: 'excerptKindComment',
};

/** The localized name of one excerpt's kind. */
export function kindLabel(kind: ExcerptKind): string {
  // A kind from a newer knowledge base has no label yet: show its id rather than nothing.
  return Object.hasOwn(KIND_KEYS, kind) ? t(KIND_KEYS[kind]) : kind;
}

function Attribution({ view }: { view: ExcerptView }) {
  const { excerpt, citing } = view;
  const parts: string[] = [];
  if (excerpt.speaker) parts.push(excerpt.speaker.role ? `${excerpt.speaker.name}, ${excerpt.speaker.role}` : excerpt.speaker.name);
  if (citing) parts.push(t('excerptCiting', [citing.outlet]));
  return (
    <p class="fc-attr">
      {parts.length > 0 && <span>— {parts.join(' · ')} </span>}
      <span class="fc-badge">{kindLabel(excerpt.kind)}</span>
      {view.onPage && <span class="fc-badge fc-onpage">{t('excerptOnPage')}</span>}
    </p>
  );
}

/** Verbatim excerpts grouped by the article they come from, each group with its attribution. */
export default function SourceGroups({ groups }: SourceGroupsProps) {
  return (
    <>
      {groups.map((group) => (
        <section class="fc-source" key={group.sourceId} data-outlet={group.source?.outlet}>
          <h6>
            {group.source?.outlet ?? group.sourceId}
            {group.source?.headline && <span class="fc-headline">: “{group.source.headline}”</span>}
            {group.source?.date && <span class="fc-muted"> · {formatIsoDate(group.source.date)}</span>}
          </h6>
          <ul>
            {group.excerpts.map((view) => (
              <li class="fc-excerpt" key={view.excerpt.id} data-kind={view.excerpt.kind} data-on-page={view.onPage ? 'true' : undefined}>
                <blockquote>{view.excerpt.quote}</blockquote>
                <Attribution view={view} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

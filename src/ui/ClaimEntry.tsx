import type { ClaimView } from './findings.ts';
import { domId, formatIsoDate } from './format.ts';
import { t } from './i18n.ts';
import type { OverlayActions, ShownState } from './overlay-types.ts';
import SourceGroups from './SourceGroups.tsx';

export interface ClaimEntryProps {
  view: ClaimView;
  actions: OverlayActions;
  target: boolean;
  /** Prefix for element ids, when the same claim is shown in more than one place. */
  scope?: string;
  /** Set when "Show on page" last went to one of this claim's sentences. */
  shown?: ShownState | undefined;
}

/** Cue terms listed; the rest are in the tooltip (a claim stated in many sentences gathers dozens). */
const MAX_CUES = 8;

/**
 * One claim: what it says, who makes it and since when, why it was recognised, and the
 * reporting and the responses as separate sections so both sides are seen at a glance.
 */
export default function ClaimEntry({ view, actions, target, scope = 'fc', shown }: ClaimEntryProps) {
  const { claim } = view;
  const titleId = domId(`${scope}-claim-title`, claim.id);
  return (
    <article class={target ? 'fc-entry fc-target' : 'fc-entry'} id={domId(`${scope}-claim`, claim.id)} aria-labelledby={titleId} data-claim={claim.id}>
      <h4 id={titleId} tabIndex={-1}>
        {claim.summary}
      </h4>
      <p class="fc-meta">
        {t('claimMadeBy', [claim.madeBy])} · {t('claimFirstReported', [formatIsoDate(claim.firstReported)])}
      </p>
      {view.subjects.length > 0 && <p class="fc-meta">{t('claimAbout', [view.subjects.map((e) => e.name).join(', ')])}</p>}
      {view.cues.length > 0 && (
        <p class="fc-meta fc-cues" title={view.cues.join(', ')}>
          {t('claimRecognisedBy', [view.cues.slice(0, MAX_CUES).join(', ') + (view.cues.length > MAX_CUES ? ', …' : '')])}
        </p>
      )}
      {view.sentences > 0 && (
        <div class="fc-row">
          <button type="button" class="fc-show" onClick={() => actions.showOnPage({ type: 'claim', id: claim.id })}>
            {shown ? t('sidebarShowOnPageCount', [String(shown.index), String(shown.total)]) : t('showOnPage')}
          </button>
        </div>
      )}
      <div class="fc-sides">
        <section class="fc-side fc-reports">
          <h5>{t('sideReports')}</h5>
          {view.reports.length > 0 ? <SourceGroups groups={view.reports} /> : <p class="fc-muted">{t('sideReportsNone')}</p>}
        </section>
        <section class="fc-side fc-responses">
          <h5>{t('sideResponses')}</h5>
          {view.responses.length > 0 ? <SourceGroups groups={view.responses} /> : <p class="fc-muted">{t('sideResponsesNone')}</p>}
        </section>
      </div>
      {view.hiddenExcerpts > 0 && <p class="fc-meta fc-hidden-note">{t('excerptsHidden', [String(view.hiddenExcerpts)])}</p>}
    </article>
  );
}

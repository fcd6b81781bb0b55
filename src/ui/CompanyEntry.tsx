import type { CompanyView, Findings } from './findings.ts';
import { domId } from './format.ts';
import { t } from './i18n.ts';
import type { OverlayActions, ShownState } from './overlay-types.ts';
import ClaimEntry from './ClaimEntry.tsx';

export interface CompanyEntryProps {
  company: CompanyView;
  findings: Findings;
  actions: OverlayActions;
  target: boolean;
  /** Set when "Show on page" last went to one of this company's mentions. */
  shown?: ShownState | undefined;
}

/** One company found on the page: what it is, where it is, and the claims about it. */
export default function CompanyEntry({ company, findings, actions, target, shown }: CompanyEntryProps) {
  const { entity } = company;
  const titleId = domId('fc-company-title', entity.id);
  return (
    <article class={target ? 'fc-entry fc-target' : 'fc-entry'} id={domId('fc-company', entity.id)} aria-labelledby={titleId} data-entity={entity.id}>
      <h4 id={titleId} tabIndex={-1}>
        {entity.name}
      </h4>
      <p class="fc-meta">{entity.description}</p>
      {company.hidden && <p class="fc-meta fc-hidden-note">{t('companyHiddenNote')}</p>}
      <div class="fc-row">
        {company.mentions > 0 && !company.hidden && (
          <button type="button" class="fc-show" onClick={() => actions.showOnPage({ type: 'company', id: entity.id })}>
            {shown ? t('sidebarShowOnPageCount', [String(shown.index), String(shown.total)]) : t('showOnPage')}
          </button>
        )}
        <span class="fc-muted">{t('companyMentions', [String(company.mentions)])}</span>
      </div>
      {company.claimsOnPage.length > 0 && (
        <ul class="fc-claimlist" aria-label={t('cardClaimsOnPage')}>
          {company.claimsOnPage.map((id) => (
            <li key={id}>
              <button type="button" class="fc-link" onClick={() => actions.openSidebar({ type: 'claim', id })}>
                {findings.claim(id)?.claim.summary}
              </button>
            </li>
          ))}
        </ul>
      )}
      {company.otherClaims.length > 0 && (
        <details class="fc-other">
          <summary>{t('companyOtherClaims', [String(company.otherClaims.length)])}</summary>
          {company.otherClaims.map((id) => {
            const view = findings.claim(id);
            return view ? <ClaimEntry key={id} view={view} actions={actions} target={false} scope={domId('fc-other', entity.id)} /> : null;
          })}
        </details>
      )}
    </article>
  );
}

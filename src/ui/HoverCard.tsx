import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { countResponses, type Findings } from './findings.ts';
import { domId } from './format.ts';
import { t } from './i18n.ts';
import type { CardState, OverlayActions } from './overlay-types.ts';
import { placeCard, type CardPlacement } from './position.ts';

export interface HoverCardProps {
  card: CardState;
  findings: Findings;
  actions: OverlayActions;
}

/** Claims listed on the card; the rest are a click away in the sidebar. */
const CARD_CLAIMS = 3;

/**
 * The card shown over a highlighted company name: what the company is, the claims about it
 * recognised on this page, how many denials and responses are on record, and the way into the
 * sidebar. Placed below or above the word, never over it.
 */
export default function HoverCard({ card, findings, actions }: HoverCardProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<CardPlacement | null>(null);
  const company = findings.company(card.entity);
  const { top, left, width, height } = card.anchor;

  useLayoutEffect(() => {
    const element = ref.current;
    const view = element?.ownerDocument.defaultView;
    if (!element || !view) return;
    const box = element.getBoundingClientRect();
    setPlace(placeCard({ top, left, width, height }, { width: box.width, height: element.scrollHeight }, view.innerWidth, view.innerHeight));
  }, [card.entity, top, left, width, height]);

  if (!company) return null;
  const { entity, claimsOnPage, otherClaims } = company;
  const titleId = domId('fc-card-title', entity.id);
  const responses = countResponses(findings, claimsOnPage);
  const style = place
    ? { top: `${place.top}px`, left: `${place.left}px`, maxHeight: `${place.maxHeight}px` }
    : { top: '0px', left: '0px', visibility: 'hidden' };

  return (
    <div
      ref={ref}
      class="fc-card"
      role="dialog"
      aria-labelledby={titleId}
      data-side={place?.side}
      style={style}
      onPointerEnter={() => actions.cardHover(true)}
      onPointerLeave={() => actions.cardHover(false)}
      onKeyDown={(event) => {
        if (event.key === 'Tab') leave(event, ref.current, card.origin);
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        actions.closeCard();
      }}
    >
      <h2 id={titleId}>{entity.name}</h2>
      <p class="fc-desc">{entity.description}</p>
      {claimsOnPage.length > 0 ? (
        <>
          <p class="fc-muted" style={{ marginTop: '8px' }}>
            {t('cardClaimsOnPage')}
          </p>
          <ul>
            {claimsOnPage.slice(0, CARD_CLAIMS).map((id) => (
              <li key={id} title={findings.claim(id)?.claim.summary}>
                {findings.claim(id)?.claim.summary}
              </li>
            ))}
            {claimsOnPage.length > CARD_CLAIMS && <li class="fc-more">{t('cardClaimsMore', [String(claimsOnPage.length - CARD_CLAIMS)])}</li>}
          </ul>
          <p class="fc-counts">{t('cardResponseCount', [String(responses)])}</p>
        </>
      ) : (
        <p class="fc-counts" style={{ marginTop: '8px' }}>
          {otherClaims.length > 0 ? t('cardOtherClaims', [String(otherClaims.length)]) : t('cardNoClaims')}
        </p>
      )}
      <div class="fc-actions">
        <button type="button" class="fc-primary" onClick={() => actions.openSidebar({ type: 'company', id: entity.id })}>
          {t('cardOpenSidebar')}
        </button>
      </div>
    </div>
  );
}

/**
 * Tab past the card's last control, or Shift+Tab before its first, goes back to the name the
 * keyboard opened it on. Forward, the browser's own Tab then moves on from the name, as if the
 * card sat right after it.
 */
function leave(event: KeyboardEvent, card: HTMLElement | null, origin: Element | null | undefined): void {
  if (!card || !(origin instanceof HTMLElement) || !origin.isConnected) return;
  const controls = card.querySelectorAll('button, a[href]');
  if (event.target !== controls[event.shiftKey ? 0 : controls.length - 1]) return;
  if (event.shiftKey) event.preventDefault();
  origin.focus({ preventScroll: true });
}

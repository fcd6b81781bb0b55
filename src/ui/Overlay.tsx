import type { Settings } from '../settings/index.ts';
import type { Findings } from './findings.ts';
import HoverCard from './HoverCard.tsx';
import type { CardState, OverlayActions, ShownState, Target } from './overlay-types.ts';
import Sidebar from './Sidebar.tsx';

export interface OverlayProps {
  findings: Findings;
  settings: Settings;
  actions: OverlayActions;
  card: CardState | null;
  sidebar: { open: boolean; target?: Target & { nonce: number } };
  announcement: string;
  /** Where "Show on page" went last. */
  shown?: ShownState | undefined;
}

/** Everything we draw in the page: the hover card and the sidebar. */
export default function Overlay({ findings, settings, actions, card, sidebar, announcement, shown }: OverlayProps) {
  return (
    <>
      {sidebar.open && (
        <Sidebar findings={findings} settings={settings} actions={actions} announcement={announcement} shown={shown} {...(sidebar.target ? { target: sidebar.target } : {})} />
      )}
      {card && <HoverCard key={card.entity} card={card} findings={findings} actions={actions} />}
    </>
  );
}

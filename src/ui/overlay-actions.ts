/**
 * What the overlay's buttons and switches do: "Show on page" scrolls to the next mention or
 * sentence and marks it for a moment; switches write the settings store and apply the result
 * at once (the storage change event that follows reaches every other tab).
 */
import type { ExcerptKind } from '../knowledge/types.ts';
import type { Highlighter, Mark } from '../page/highlights.ts';
import { withMember, type Settings, type SettingsPatch, type SettingsStore } from '../settings/index.ts';
import type { OverlayActions, ShownState, Target } from './overlay-types.ts';

export interface OverlayActionDeps {
  doc: Document;
  highlighter: Highlighter;
  settingsStore: SettingsStore;
  openSidebar(target?: Target): void;
  closeSidebar(): void;
  closeCard(): void;
  cardHover(inside: boolean): void;
  applySettings(settings: Settings): void;
  /** "Show on page" went to an occurrence: the buttons say which. */
  onShown(shown: ShownState): void;
  onStoreError(error: unknown): void;
}

function reducedMotion(doc: Document): boolean {
  return doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/** The marks a target stands for, in document order. */
export function marksFor(highlighter: Highlighter, target: Target): readonly Mark[] {
  return target.type === 'company'
    ? highlighter.visible('mention').filter((mark) => mark.entities.includes(target.id))
    : highlighter.visible('claim').filter((mark) => mark.claim === target.id);
}

/** Builds the overlay's actions over the controller's state. */
export function createOverlayActions(deps: OverlayActionDeps): OverlayActions {
  const { doc, highlighter, settingsStore } = deps;
  // Repeated "Show on page" walks through the occurrences.
  const cursor = new Map<string, number>();

  const update = (patch: SettingsPatch): void => {
    settingsStore.update(patch).then(deps.applySettings, deps.onStoreError);
  };

  return {
    openSidebar: deps.openSidebar,
    closeSidebar: deps.closeSidebar,
    closeCard: deps.closeCard,
    cardHover: deps.cardHover,
    showOnPage(target) {
      const marks = marksFor(highlighter, target);
      if (marks.length === 0) return;
      const key = `${target.type}:${target.id}`;
      const index = (cursor.get(key) ?? -1) + 1;
      const mark = marks[index % marks.length]!;
      cursor.set(key, index % marks.length);
      const node = mark.range.startContainer;
      const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
      element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reducedMotion(doc) ? 'instant' : 'smooth' });
      highlighter.focus(mark.range);
      deps.onShown({ ...target, index: (index % marks.length) + 1, total: marks.length });
    },
    setOutletVisible(outlet, visible) {
      update((s) => ({ hiddenOutlets: withMember(s.hiddenOutlets, outlet, !visible) }));
    },
    setKindsVisible(kinds: readonly ExcerptKind[], visible) {
      update((s) => ({ kinds: { ...s.kinds, ...Object.fromEntries(kinds.map((kind) => [kind, visible])) } }));
    },
    setEntityVisible(entity, visible) {
      update((s) => ({ hiddenEntities: withMember(s.hiddenEntities, entity, !visible) }));
    },
  };
}

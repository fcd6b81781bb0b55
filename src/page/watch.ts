/**
 * Living pages: text that arrives after load (infinite scroll, live blogs, comments) is
 * scanned too. The MutationObserver callback only records what changed; a batch runs when
 * the page is idle (or after a timeout), works out the smallest set of block roots that hold
 * new or edited text, and hands them over. Text nodes already scanned and unchanged are
 * skipped, so a page that merely moves its nodes around costs nothing.
 */

/** What one batch found. */
export interface WatchBatch {
  /** Connected blocks holding new or changed text, none inside another, in document order. */
  roots: Element[];
  /** Text nodes whose contents changed since they were scanned: their old marks are void. */
  changed: Set<Node>;
  /** True if nodes were removed: marks may have left the document. */
  removed: boolean;
}

/**
 * The page text already scanned: text nodes the text model took one by one, and blocks it read
 * whole (text-model.ts), with the length of their text then, so that their nodes need not be
 * listed. A block's text counts as scanned while it has that length: a node added to it or an
 * edit that changes its length makes it new text.
 */
export class ScannedText {
  private readonly nodes = new WeakSet<Node>();
  private readonly blocks = new WeakMap<Node, number>();

  addNode(node: Node): void {
    this.nodes.add(node);
  }

  addBlock(block: Element, length: number): void {
    this.blocks.set(block, length);
  }

  /** True if `node`'s text was scanned. `memo` keeps block verdicts across calls for one batch. */
  has(node: Node, memo?: Map<Element, boolean>): boolean {
    if (this.nodes.has(node)) return true;
    for (let element = node.parentElement; element !== null; element = element.parentElement) {
      const length = this.blocks.get(element);
      if (length === undefined) continue;
      let same = memo?.get(element);
      if (same === undefined) {
        same = element.textContent?.length === length;
        memo?.set(element, same);
      }
      return same;
    }
    return false;
  }

  /** Forgets a node whose text changed, and the block read whole that holds it. */
  forget(node: Node): void {
    this.nodes.delete(node);
    for (let element = node.parentElement; element !== null; element = element.parentElement) {
      if (this.blocks.delete(element)) return;
    }
  }
}

/** Runs `run` later; returns a canceller. */
export type Scheduler = (run: () => void) => () => void;

export interface WatchOptions {
  root: Node;
  /** Our own UI: its mutations are never page content. */
  isOwn: (node: Node) => boolean;
  /** Text already scanned. Watch forgets changed nodes; the caller adds what it scans. */
  scanned: ScannedText;
  onBatch: (batch: WatchBatch) => void | Promise<void>;
  signal: AbortSignal;
  schedule?: Scheduler;
}

/**
 * Elements that bound a sentence well enough to rescan as a whole. Containers (article,
 * section, div) are left out on purpose: a feed appending to an article must not make us
 * rescan the whole article each time.
 */
const BLOCK = 'p,li,dd,dt,h1,h2,h3,h4,h5,h6,blockquote,figcaption,td,th,pre';

/** Idle callback with a deadline, so a busy page still gets its batch within half a second. */
export const idleScheduler: Scheduler = (run) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 500 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 200);
  return () => clearTimeout(id);
};

function blockOf(node: Node): Element | null {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!element) return null;
  return element.closest(BLOCK) ?? element;
}

function hasUnscannedText(root: Element, scanned: ScannedText): boolean {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const memo = new Map<Element, boolean>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!scanned.has(node, memo) && node.nodeValue?.trim()) return true;
  }
  return false;
}

/** Reduces the recorded nodes to the outermost connected blocks with text still to scan. */
export function collectRoots(nodes: Iterable<Node>, scanned: ScannedText, isOwn: (node: Node) => boolean, within: Node): Element[] {
  const blocks = new Set<Element>();
  for (const node of nodes) {
    if (!node.isConnected || !within.contains(node) || isOwn(node)) continue;
    let block = blockOf(node);
    // Never climb out of the watched root (or up to it, for a stray text node under <body>).
    if (block && (block === within || !within.contains(block))) block = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    if (block) blocks.add(block);
  }
  // In document order. A page appending content adds sibling blocks in order: that is checked in
  // one pass, and anything else sorted. (compareDocumentPosition between two children of a long
  // article walks its children: sorting 218 paragraphs appended to a 1 MB article took 33 ms.)
  const ordered = [...blocks];
  if (ordered.some((block, i) => i > 0 && ordered[i - 1]!.nextElementSibling !== block)) {
    ordered.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }
  const roots: Element[] = [];
  for (const block of ordered) {
    const last = roots[roots.length - 1];
    if (last && last.contains(block)) continue;
    if (hasUnscannedText(block, scanned)) roots.push(block);
  }
  return roots;
}

/** Starts watching `root`; everything stops when `signal` aborts. */
export function watchMutations(options: WatchOptions): void {
  const { root, isOwn, scanned, onBatch, signal } = options;
  const schedule = options.schedule ?? idleScheduler;
  if (signal.aborted) return;

  let pending: Node[] = [];
  let changed = new Set<Node>();
  let removed = false;
  let cancel: (() => void) | undefined;
  let running = false;

  const flush = async (): Promise<void> => {
    cancel = undefined;
    if (signal.aborted) return;
    if (running) {
      // One batch at a time; what arrived meanwhile waits for the next slot.
      cancel = schedule(() => void flush());
      return;
    }
    const nodes = pending;
    const edited = changed;
    const wasRemoved = removed;
    pending = [];
    changed = new Set();
    removed = false;
    for (const node of edited) scanned.forget(node);
    const roots = collectRoots([...nodes, ...edited], scanned, isOwn, root);
    if (roots.length === 0 && edited.size === 0 && !wasRemoved) return;
    running = true;
    try {
      await onBatch({ roots, changed: edited, removed: wasRemoved });
    } finally {
      running = false;
    }
  };

  const observer = new MutationObserver((records) => {
    // Recording only: the page may be mid-update, and this runs before it paints.
    for (const record of records) {
      if (record.type === 'characterData') changed.add(record.target);
      else {
        pending.push(...Array.from(record.addedNodes));
        if (record.removedNodes.length > 0) removed = true;
      }
    }
    cancel ??= schedule(() => void flush());
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      cancel?.();
      pending = [];
      changed.clear();
    },
    { once: true },
  );
}

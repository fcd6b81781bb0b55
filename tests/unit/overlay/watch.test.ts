// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { collectRoots, ScannedText, watchMutations, type Scheduler, type WatchBatch } from '../../../src/page/watch.ts';

/** A scheduler the test runs by hand: batching is observable without any timing. */
function manualScheduler() {
  const queue: (() => void)[] = [];
  const schedule: Scheduler = (run) => {
    queue.push(run);
    return () => queue.splice(queue.indexOf(run), 1);
  };
  return { schedule, queue, flush: () => queue.splice(0).forEach((run) => run()) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

describe('watchMutations', () => {
  let batches: WatchBatch[];
  let scanned: ScannedText;
  let controller: AbortController;
  let clock: ReturnType<typeof manualScheduler>;

  beforeEach(() => {
    document.body.innerHTML = '<article><p>First paragraph.</p></article><pre id="own"></pre>';
    batches = [];
    scanned = new ScannedText();
    for (const node of textNodes(document.body)) scanned.addNode(node);
    controller = new AbortController();
    clock = manualScheduler();
    watchMutations({
      root: document.body,
      isOwn: (node) => node.parentElement?.id === 'own' || (node as Element).id === 'own',
      scanned,
      onBatch: (batch) => void batches.push(batch),
      signal: controller.signal,
      schedule: clock.schedule,
    });
  });

  it('does no work in the observer callback and batches many changes into one', async () => {
    const article = document.querySelector('article')!;
    for (let i = 0; i < 5; i++) article.insertAdjacentHTML('beforeend', `<p>Added ${i}.</p>`);
    await settle();
    expect(batches).toHaveLength(0);
    expect(clock.queue).toHaveLength(1);
    clock.flush();
    await settle();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.roots.map((r) => r.textContent)).toEqual(['Added 0.', 'Added 1.', 'Added 2.', 'Added 3.', 'Added 4.']);
  });

  it('rescans the whole paragraph when a word is inserted into it', async () => {
    const p = document.querySelector('p')!;
    p.append(document.createElement('b'));
    p.lastElementChild!.textContent = ' More.';
    await settle();
    clock.flush();
    await settle();
    expect(batches[0]!.roots).toEqual([p]);
  });

  it('skips nodes that were only moved and text already scanned', async () => {
    const p = document.querySelector('p')!;
    document.body.prepend(p);
    await settle();
    clock.flush();
    await settle();
    expect(batches.flatMap((b) => b.roots)).toEqual([]);
  });

  it('reports edited text as changed so its old marks can go', async () => {
    const text = document.querySelector('p')!.firstChild as Text;
    text.data = 'Edited paragraph.';
    await settle();
    clock.flush();
    await settle();
    expect(batches[0]!.changed.has(text)).toBe(true);
    expect(batches[0]!.roots.map((r) => r.textContent)).toEqual(['Edited paragraph.']);
  });

  it('ignores our own UI', async () => {
    document.querySelector('#own')!.textContent = 'Our card text';
    await settle();
    clock.flush();
    await settle();
    expect(batches.flatMap((b) => b.roots)).toEqual([]);
  });

  it('stops watching on abort', async () => {
    controller.abort();
    document.body.insertAdjacentHTML('beforeend', '<p>Late.</p>');
    await settle();
    expect(clock.queue).toHaveLength(0);
    expect(batches).toHaveLength(0);
  });
});

describe('collectRoots', () => {
  it('keeps only the outermost of nested roots', () => {
    document.body.innerHTML = '<div id="feed"><div id="item"><p>One.</p><p>Two.</p></div></div>';
    const item = document.querySelector('#item')!;
    const roots = collectRoots([item, ...item.querySelectorAll('p')], new ScannedText(), () => false, document.body);
    expect(roots).toEqual([item]);
  });
});

describe('collectRoots order', () => {
  it('gives blocks in document order, whether recorded in order (appended siblings) or not', () => {
    document.body.innerHTML = '<article><p>One</p><p>Two</p><div><p>Three</p></div><p>Four</p></article>';
    const ps = [...document.querySelectorAll('p')];
    const [one, two, three, four] = [ps[0]!, ps[1]!, ps[2]!, ps[3]!];
    const scanned = new ScannedText();
    expect(collectRoots([one.firstChild!, two.firstChild!], scanned, () => false, document.body)).toEqual([one, two]);
    expect(collectRoots([four.firstChild!, three.firstChild!, one.firstChild!], scanned, () => false, document.body)).toEqual([one, three, four]);
    expect(collectRoots([two.firstChild!, one.firstChild!], scanned, () => false, document.body)).toEqual([one, two]);
  });
});

describe('ScannedText', () => {
  it('counts the text of a block read whole as scanned while the block keeps its length', () => {
    document.body.innerHTML = '<p>Huawei <b>and</b> ZTE</p><p>Oppo</p>';
    const [p, other] = [...document.querySelectorAll('p')] as [HTMLParagraphElement, HTMLParagraphElement];
    const scanned = new ScannedText();
    scanned.addBlock(p, p.textContent!.length);
    expect(textNodes(p).map((node) => scanned.has(node))).toEqual([true, true, true]);
    expect(scanned.has(other.firstChild!)).toBe(false);
    p.append(' and Oppo');
    expect(scanned.has(p.firstChild!)).toBe(false);
  });

  it('forgets the block of a node whose text was edited, and a node scanned alone', () => {
    document.body.innerHTML = '<p>Huawei <b>and</b> ZTE</p><p>Oppo</p>';
    const [p, other] = [...document.querySelectorAll('p')] as [HTMLParagraphElement, HTMLParagraphElement];
    const scanned = new ScannedText();
    scanned.addBlock(p, p.textContent!.length);
    scanned.addNode(other.firstChild!);
    const and = p.querySelector('b')!.firstChild!;
    scanned.forget(and);
    expect(scanned.has(p.firstChild!)).toBe(false);
    expect(scanned.has(other.firstChild!)).toBe(true);
    scanned.forget(other.firstChild!);
    expect(scanned.has(other.firstChild!)).toBe(false);
  });

  it('finds a moved block still scanned, and text added to it new', () => {
    document.body.innerHTML = '<article><p>Huawei said</p></article>';
    const p = document.querySelector('p')!;
    const scanned = new ScannedText();
    scanned.addBlock(p, p.textContent!.length);
    document.body.prepend(p);
    expect(collectRoots([p], scanned, () => false, document.body)).toEqual([]);
    p.append(' more');
    expect(collectRoots([p], scanned, () => false, document.body)).toEqual([p]);
  });
});

/** Test doubles for the Highlight API and IntersectionObserver, shared by the highlighter's tests. */

/** A Highlight that only holds its ranges. */
export class FakeHighlight extends Set<Range> {
  priority = 0;
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}

/** An IntersectionObserver the test drives: `show(elements)` makes exactly those intersect. */
export class FakeObserver {
  static last: FakeObserver | undefined;
  readonly observed = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.last = this;
  }
  observe(element: Element) {
    this.observed.add(element);
  }
  unobserve(element: Element) {
    this.observed.delete(element);
  }
  disconnect() {
    this.observed.clear();
  }
  show(elements: Element[]) {
    const entries = [...this.observed].map((target) => ({ target, isIntersecting: elements.includes(target) }) as IntersectionObserverEntry);
    this.callback(entries, this as unknown as IntersectionObserver);
  }
}

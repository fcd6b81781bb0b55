import type { StorageAreaLike, StorageChange, StorageChangeListener } from '../../../src/settings/index.ts';

/**
 * An in-memory storage area that behaves like `browser.storage.sync` where the settings can
 * tell: values are copied in and out (structured clone), and every write fires `onChanged` for
 * every listener (as browsers do, for all extension pages) after the write resolves.
 */
export class FakeStorageArea implements StorageAreaLike {
  readonly data = new Map<string, unknown>();
  private readonly listeners = new Set<StorageChangeListener>();
  /** When set, the next `set` rejects with this error (a full quota, a revoked context). */
  failNextSet: Error | undefined;
  readonly writes: Record<string, unknown>[] = [];

  constructor(initial: Record<string, unknown> = {}) {
    for (const [key, value] of Object.entries(initial)) this.data.set(key, structuredClone(value));
  }

  async get(keys: string[]): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const key of keys) if (this.data.has(key)) out[key] = structuredClone(this.data.get(key));
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    if (this.failNextSet) {
      const error = this.failNextSet;
      this.failNextSet = undefined;
      throw error;
    }
    this.writes.push(structuredClone(items));
    const changes: Record<string, StorageChange> = {};
    for (const [key, value] of Object.entries(items)) {
      changes[key] = { oldValue: this.data.get(key), newValue: structuredClone(value) };
      this.data.set(key, structuredClone(value));
    }
    this.emit(changes);
  }

  async remove(keys: string[]): Promise<void> {
    const changes: Record<string, StorageChange> = {};
    for (const key of keys) {
      if (!this.data.has(key)) continue;
      changes[key] = { oldValue: this.data.get(key) };
      this.data.delete(key);
    }
    this.emit(changes);
  }

  /** A write made by another tab or page: the same data, the same event. */
  writeFromElsewhere(items: Record<string, unknown>): Promise<void> {
    return this.set(items);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  readonly onChanged = {
    addListener: (listener: StorageChangeListener) => void this.listeners.add(listener),
    removeListener: (listener: StorageChangeListener) => void this.listeners.delete(listener),
  };

  private emit(changes: Record<string, StorageChange>): void {
    if (Object.keys(changes).length === 0) return;
    queueMicrotask(() => {
      for (const listener of [...this.listeners]) listener(changes);
    });
  }
}

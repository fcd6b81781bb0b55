/**
 * A stand-in for the WebExtension API, just deep enough for src/platform's unit tests: storage
 * areas backed by Maps (with switchable failures), runtime messaging with recorded listeners,
 * and the action badge.
 */
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

/** One storage area; `failing` makes every call reject, as Firefox does with sync disabled. */
export function fakeArea() {
  const data = new Map<string, unknown>();
  const area = {
    data,
    failing: false,
    get: vi.fn(async (keys: string[] | null) => {
      if (area.failing) throw new Error('storage.sync is disabled');
      if (keys === null) return Object.fromEntries(data);
      return Object.fromEntries(keys.filter((k) => data.has(k)).map((k) => [k, data.get(k)]));
    }),
    set: vi.fn(async (items: Record<string, unknown>) => {
      if (area.failing) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      for (const [k, v] of Object.entries(items)) data.set(k, v);
    }),
    remove: vi.fn(async (keys: string[]) => {
      if (area.failing) throw new Error('storage.sync is disabled');
      for (const k of keys) data.delete(k);
    }),
  };
  return area;
}

function fakeEvent() {
  const listeners = new Set<Listener>();
  return {
    listeners,
    addListener: (listener: Listener) => listeners.add(listener),
    removeListener: (listener: Listener) => listeners.delete(listener),
    emit: (...args: unknown[]) => [...listeners].map((listener) => listener(...args)),
  };
}

/** A fresh fake `browser` for one test. */
export function fakeBrowser() {
  return {
    runtime: {
      id: 'fact-context@fact-context.example',
      onMessage: fakeEvent(),
      sendMessage: vi.fn(async () => undefined),
    },
    storage: {
      sync: fakeArea() as ReturnType<typeof fakeArea> | undefined,
      local: fakeArea(),
      onChanged: fakeEvent(),
    },
    action: {
      setBadgeText: vi.fn(async () => undefined),
      setBadgeBackgroundColor: vi.fn(async () => undefined),
      setTitle: vi.fn(async () => undefined),
    },
    i18n: { getMessage: vi.fn((key: string) => (key === 'extName' ? 'Fact Context' : '')) },
  };
}

export type FakeBrowser = ReturnType<typeof fakeBrowser>;

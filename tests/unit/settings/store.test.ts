import { describe, expect, it, vi } from 'vitest';
import { createSettingsStore, SCHEMA_VERSION, type Settings } from '../../../src/settings/index.ts';
import { FakeStorageArea } from './fake-storage-area.ts';

/** Resolves once the store has delivered `count` notifications to the returned spy. */
function collect(store: ReturnType<typeof createSettingsStore>, count = 1) {
  const seen: Settings[] = [];
  let done!: () => void;
  const reached = new Promise<void>((resolve) => (done = resolve));
  const unsubscribe = store.subscribe((settings) => {
    seen.push(settings);
    if (seen.length === count) done();
  });
  return { seen, reached, unsubscribe };
}

describe('createSettingsStore', () => {
  it('reads defaults from empty storage', async () => {
    const store = createSettingsStore(new FakeStorageArea());
    expect((await store.get()).kinds.comment).toBe(false);
  });

  it('reads through validation: corrupt fields fall back, good ones stay', async () => {
    const area = new FakeStorageArea({ kinds: 'garbage', hiddenOutlets: 42, hiddenEntities: ['zte'], schemaVersion: 1 });
    const settings = await createSettingsStore(area).get();
    expect(settings.kinds.report).toBe(true);
    expect(settings.hiddenOutlets).toEqual([]);
    expect(settings.hiddenEntities).toEqual(['zte']);
  });

  it('gives defaults when storage itself fails to read', async () => {
    const area = new FakeStorageArea();
    area.get = () => Promise.reject(new Error('Extension context invalidated.'));
    expect((await createSettingsStore(area).get()).enabled).toBe(true);
  });

  it('writes only the patched keys of a current record, each under its own key', async () => {
    const area = new FakeStorageArea({ schemaVersion: SCHEMA_VERSION, hiddenEntities: ['zte'] });
    const store = createSettingsStore(area);
    const next = await store.update({ hiddenOutlets: ['Gizmodo'] });
    expect(next.hiddenOutlets).toEqual(['Gizmodo']);
    expect(next.hiddenEntities).toEqual(['zte']);
    expect(area.writes).toEqual([{ hiddenOutlets: ['Gizmodo'] }]);
    expect((await store.get()).hiddenOutlets).toEqual(['Gizmodo']);
  });

  it('validates a patch before storing it', async () => {
    const area = new FakeStorageArea({ schemaVersion: SCHEMA_VERSION });
    const store = createSettingsStore(area);
    // A caller outside TypeScript's reach (a message, a console) can pass anything.
    await store.update({ disabledSites: ['WWW.Example.com', 17] as unknown as string[], enabled: 'off' as unknown as boolean });
    expect(area.data.get('disabledSites')).toEqual(['example.com']);
    expect(area.data.get('enabled')).toBe(true);
  });

  it('ignores keys that are not settings', async () => {
    const area = new FakeStorageArea({ schemaVersion: SCHEMA_VERSION });
    await createSettingsStore(area).update({ evil: 1, schemaVersion: 0 } as never);
    expect(area.data.has('evil')).toBe(false);
    expect(area.data.get('schemaVersion')).toBe(SCHEMA_VERSION);
  });

  it('rewrites a v0 record whole on the first update and drops its legacy keys', async () => {
    const area = new FakeStorageArea({ paused: true, hiddenOutlets: ['Gizmodo'] });
    const store = createSettingsStore(area);
    await store.update({ hiddenEntities: ['huawei'] });
    expect(area.data.get('schemaVersion')).toBe(SCHEMA_VERSION);
    expect(area.data.get('enabled')).toBe(false);
    expect(area.data.has('paused')).toBe(false);
    const settings = await store.get();
    expect(settings).toMatchObject({ enabled: false, hiddenOutlets: ['Gizmodo'], hiddenEntities: ['huawei'] });
  });

  it('runs function patches one after another, so quick toggles are not lost', async () => {
    const area = new FakeStorageArea({ schemaVersion: SCHEMA_VERSION });
    const store = createSettingsStore(area);
    await Promise.all(
      ['a', 'b', 'c'].map((id) => store.update((s) => ({ hiddenEntities: [...s.hiddenEntities, id] }))),
    );
    expect((await store.get()).hiddenEntities).toEqual(['a', 'b', 'c']);
  });

  it('rejects when storage refuses a write, and later updates still run', async () => {
    const area = new FakeStorageArea({ schemaVersion: SCHEMA_VERSION });
    const store = createSettingsStore(area);
    area.failNextSet = new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    await expect(store.update({ enabled: false })).rejects.toThrow(/quota/);
    await store.update({ hiddenOutlets: ['Gizmodo'] });
    expect(await store.get()).toMatchObject({ enabled: true, hiddenOutlets: ['Gizmodo'] });
  });

  it('tells subscribers about a change made in another tab', async () => {
    const area = new FakeStorageArea({ schemaVersion: SCHEMA_VERSION });
    const store = createSettingsStore(area);
    const { seen, reached } = collect(store);
    await area.writeFromElsewhere({ enabled: false });
    await reached;
    expect(seen[0]?.enabled).toBe(false);
  });

  it('delivers validated settings, even when another tab writes garbage', async () => {
    const area = new FakeStorageArea({ schemaVersion: SCHEMA_VERSION, hiddenOutlets: ['Gizmodo'] });
    const store = createSettingsStore(area);
    const { seen, reached } = collect(store);
    await area.writeFromElsewhere({ kinds: 'garbage' });
    await reached;
    expect(seen[0]?.kinds.report).toBe(true);
    expect(seen[0]?.hiddenOutlets).toEqual(['Gizmodo']);
  });

  it('tells subscribers about its own updates too', async () => {
    const store = createSettingsStore(new FakeStorageArea());
    const { seen, reached } = collect(store);
    await store.update({ hiddenOutlets: ['Gizmodo'] });
    await reached;
    expect(seen.at(-1)?.hiddenOutlets).toEqual(['Gizmodo']);
  });

  it('stays quiet about storage keys that are not settings', async () => {
    const area = new FakeStorageArea();
    const store = createSettingsStore(area);
    const listener = vi.fn();
    store.subscribe(listener);
    await area.writeFromElsewhere({ sidebarWidth: 300 });
    const { reached } = collect(store);
    await area.writeFromElsewhere({ enabled: false });
    await reached;
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('stops notifying after unsubscribe, abort and destroy, and removes its storage listeners', async () => {
    const area = new FakeStorageArea();
    const store = createSettingsStore(area);
    const byReturn = vi.fn();
    const bySignal = vi.fn();
    const byDestroy = vi.fn();
    const controller = new AbortController();
    const unsubscribe = store.subscribe(byReturn);
    store.subscribe(bySignal, { signal: controller.signal });
    store.subscribe(byDestroy);
    expect(area.listenerCount).toBe(3);

    unsubscribe();
    controller.abort();
    expect(area.listenerCount).toBe(1);
    store.destroy();
    expect(area.listenerCount).toBe(0);

    await area.writeFromElsewhere({ enabled: false });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(byReturn).not.toHaveBeenCalled();
    expect(bySignal).not.toHaveBeenCalled();
    expect(byDestroy).not.toHaveBeenCalled();
  });

  it('does not subscribe with an already aborted signal', () => {
    const area = new FakeStorageArea();
    createSettingsStore(area).subscribe(() => {}, { signal: AbortSignal.abort() });
    expect(area.listenerCount).toBe(0);
  });

  it('delivers only the newest state when reads finish out of order', async () => {
    const area = new FakeStorageArea({ schemaVersion: SCHEMA_VERSION });
    const realGet = area.get.bind(area);
    const pending: Array<() => void> = [];
    // Hold every read until released, then release them newest first.
    area.get = (keys) =>
      new Promise((resolve) => {
        const snapshot = realGet(keys);
        pending.push(() => void snapshot.then(resolve));
      });
    const store = createSettingsStore(area);
    const listener = vi.fn();
    store.subscribe(listener);
    await area.writeFromElsewhere({ hiddenEntities: ['a'] });
    await area.writeFromElsewhere({ hiddenEntities: ['a', 'b'] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pending).toHaveLength(2);
    pending[1]?.();
    pending[0]?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]?.[0].hiddenEntities).toEqual(['a', 'b']);
  });
});

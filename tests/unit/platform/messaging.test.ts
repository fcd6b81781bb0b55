import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, type FakeBrowser } from './fake-browser.ts';
import { isBackgroundToContent, isContentToBackground } from '../../../src/platform/messages.ts';

let fake: FakeBrowser;
vi.mock('webextension-polyfill', () => ({ default: new Proxy({}, { get: (_, key) => fake[key as keyof FakeBrowser] }) }));
const platform = await import('../../../src/platform/browser.ts');

const OWN_ID = 'fact-context@fact-context.example';
const fromContent = { id: OWN_ID, tab: { id: 7 }, frameId: 0, url: 'https://news.example/a' };

beforeEach(() => {
  fake = fakeBrowser();
});

describe('message guards', () => {
  it('accept the counts a content script reports', () => {
    expect(isContentToBackground({ type: 'found', mentions: 3, claims: 0 })).toBe(true);
    expect(isBackgroundToContent({ type: 'toggle-sidebar' })).toBe(true);
  });

  it.each([
    ['a negative count', { type: 'found', mentions: -1, claims: 0 }],
    ['a fractional count', { type: 'found', mentions: 1.5, claims: 0 }],
    ['a count as text', { type: 'found', mentions: '3', claims: 0 }],
    ['a missing count', { type: 'found', mentions: 3 }],
    ['another type', { type: 'toggle-sidebar', mentions: 1, claims: 1 }],
    ['null', null],
  ])('reject a report with %s', (_, value) => {
    expect(isContentToBackground(value)).toBe(false);
  });
});

describe('background side', () => {
  it('hands on valid reports from its own content scripts, with their tab', () => {
    const handler = vi.fn();
    platform.onContentMessage(handler);
    fake.runtime.onMessage.emit({ type: 'found', mentions: 2, claims: 1 }, fromContent);
    expect(handler).toHaveBeenCalledWith(
      { type: 'found', mentions: 2, claims: 1 },
      { tabId: 7, frameId: 0, url: 'https://news.example/a' },
    );
  });

  it('ignores other extensions, tab-less senders and malformed messages', () => {
    const handler = vi.fn();
    platform.onContentMessage(handler);
    fake.runtime.onMessage.emit({ type: 'found', mentions: 2, claims: 1 }, { ...fromContent, id: 'someone-else' });
    fake.runtime.onMessage.emit({ type: 'found', mentions: 2, claims: 1 }, { id: OWN_ID });
    fake.runtime.onMessage.emit({ type: 'found', mentions: 1e9, claims: 1 }, fromContent);
    expect(handler).not.toHaveBeenCalled();
  });

  it('clears the badge for zero and caps large counts', async () => {
    await platform.setBadge(7, 0);
    await platform.setBadge(7, 12345);
    expect(fake.action.setBadgeText.mock.calls).toEqual([[{ tabId: 7, text: '' }], [{ tabId: 7, text: '999' }]]);
  });
});

describe('content side', () => {
  it('acts on the toggle from its own background only', () => {
    const handler = vi.fn();
    const controller = new AbortController();
    platform.onBackgroundMessage(handler, controller.signal);
    fake.runtime.onMessage.emit({ type: 'toggle-sidebar' }, { id: OWN_ID });
    fake.runtime.onMessage.emit({ type: 'toggle-sidebar' }, fromContent);
    fake.runtime.onMessage.emit({ type: 'toggle-sidebar' }, { id: 'someone-else' });
    controller.abort();
    fake.runtime.onMessage.emit({ type: 'toggle-sidebar' }, { id: OWN_ID });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('survives a background that is gone ("Extension context invalidated")', async () => {
    fake.runtime.sendMessage.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    await expect(platform.sendToBackground({ type: 'found', mentions: 1, claims: 0 })).resolves.toBeUndefined();
  });

  it('falls back to the key when a message has no translation', () => {
    expect(platform.t('extName')).toBe('Fact Context');
    expect(platform.t('noSuchKey')).toBe('noSuchKey');
  });
});

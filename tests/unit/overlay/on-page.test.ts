import { describe, expect, it } from 'vitest';
import { createOnPageIndex, foldText } from '../../../src/ui/on-page.ts';

describe('on this page', () => {
  const page = 'Huawei spokesman Joe Kelly told the AP, adding that the company “has never\u00a0collected or stored any Facebook user data.” Other text.';

  it('finds a quote despite curly quotes, no-break spaces and line breaks', () => {
    const index = createOnPageIndex(page);
    expect(index.has('adding that the company "has never collected\n or stored any Facebook user data."')).toBe(true);
  });

  it('does not find words the page does not have', () => {
    const index = createOnPageIndex(page);
    expect(index.has('the company has always collected Facebook user data')).toBe(false);
  });

  it('finds a quote with an elision when its parts appear in order', () => {
    const index = createOnPageIndex(page);
    expect(index.has('Joe Kelly told the AP … never collected or stored any Facebook user data')).toBe(true);
    expect(index.has('never collected or stored any Facebook user data … Joe Kelly told the AP')).toBe(false);
  });

  it('ignores fragments too short to mean anything', () => {
    expect(createOnPageIndex(page).has('the AP')).toBe(false);
  });

  it('folds typography to one form', () => {
    expect(foldText('It’s — “Here”\u00a0 now')).toBe('it\'s - "here" now');
  });
});

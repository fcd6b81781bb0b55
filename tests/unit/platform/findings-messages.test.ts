import { describe, expect, it } from 'vitest';
import { isFindingsReply, isFindingsRequest } from '../../../src/platform/messages.ts';

const reply = {
  type: 'findings',
  hostname: 'www.theverge.com',
  entities: [{ id: 'huawei', name: 'Huawei' }],
  claims: [{ id: 'c1' }],
};

describe('findings messages', () => {
  it('accepts the request and a well-formed reply', () => {
    expect(isFindingsRequest({ type: 'get-findings' })).toBe(true);
    expect(isFindingsReply(reply)).toBe(true);
    expect(isFindingsReply({ ...reply, entities: [], claims: [] })).toBe(true);
  });

  it.each([
    ['no hostname', { ...reply, hostname: undefined }],
    ['a hostname too long for DNS', { ...reply, hostname: 'a'.repeat(254) }],
    ['entities not a list', { ...reply, entities: 'Huawei' }],
    ['an entity without a name', { ...reply, entities: [{ id: 'huawei' }] }],
    ['a claim id that is not text', { ...reply, claims: [{ id: { html: '<b>' } }] }],
    ['a flood of entries', { ...reply, claims: Array.from({ length: 1001 }, (_, i) => ({ id: `${i}` })) }],
    ['another type', { ...reply, type: 'found' }],
    ['null', null],
  ])('rejects a reply with %s', (_, value) => {
    expect(isFindingsReply(value)).toBe(false);
  });

  it('rejects anything else as a request', () => {
    expect(isFindingsRequest({ type: 'found', mentions: 1, claims: 1 })).toBe(false);
    expect(isFindingsRequest('get-findings')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { changedKeys, driftedKeys, fieldStatuses, projectionHash } from '../../src/listings/state.ts';

const fields = { title: ['name'], phoneNumbers: ['primaryPhone', 'additionalPhones'], 'profile.description': ['description'] } as const;

describe('listing bookkeeping', () => {
  it('finds only the keys whose values changed, whatever the key order of stored JSON', () => {
    const delivered = { title: 'A', phoneNumbers: { primaryPhone: '+81', additionalPhones: ['+82'] } };
    const next = { phoneNumbers: { additionalPhones: ['+82'], primaryPhone: '+81' }, title: 'B' };
    expect(changedKeys(delivered, next)).toEqual(['title']);
    expect(projectionHash(delivered)).toBe(projectionHash({ phoneNumbers: { additionalPhones: ['+82'], primaryPhone: '+81' }, title: 'A' }));
  });

  it('sends a key that disappeared (to clear it), every key on a first delivery, and forced keys', () => {
    expect(changedKeys({ title: 'A', 'profile.description': 'x' }, { title: 'A' })).toEqual(['profile.description']);
    expect(changedKeys(null, { title: 'A', phoneNumbers: {} })).toEqual(['phoneNumbers', 'title']);
    expect(changedKeys({ title: 'A' }, { title: 'A' }, ['title', 'profile.description'])).toEqual(['profile.description', 'title']);
  });

  it('gives each Tenpo field the worst status of the keys it feeds', () => {
    const ours = { title: 'A', phoneNumbers: { primaryPhone: '+81' } };
    expect(fieldStatuses(fields, ours, null, ['socialProfiles'])).toEqual({
      name: 'MATCH',
      primaryPhone: 'MATCH',
      additionalPhones: 'MATCH',
      description: 'MATCH',
      socialProfiles: 'NOT_SUPPORTED',
    });
    const shown = { title: 'B', 'profile.description': 'theirs' };
    expect(fieldStatuses(fields, ours, shown, [])).toMatchObject({ name: 'MISMATCH', primaryPhone: 'MISSING', description: 'MISMATCH' });
    expect(driftedKeys(ours, shown)).toEqual(['phoneNumbers', 'profile.description', 'title']);
  });
});

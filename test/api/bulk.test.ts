import { describe, expect, it } from 'vitest';
import { useApiSuite } from '../support/suite.ts';
import { tokyoStore } from '../support/fixtures.ts';

const suite = useApiSuite({ maxBodyBytes: 16 * 1024 * 1024 });

const BULK = `mutation($input: BulkUpsertLocationsInput!) {
  bulkUpsertLocations(input: $input) {
    created updated unchanged failed
    results { index storeCode outcome location { storeCode version name groups } errors { code path } }
    errors { code message }
  }
}`;

const bulk = (rows: unknown[]) => suite.api.gql(BULK, { input: { organizationId: suite.org.gid, rows } }, suite.org.key).then((r) => {
  expect(r.errors).toBeUndefined();
  return r.data.bulkUpsertLocations;
});

describe('bulkUpsertLocations', () => {
  it('answers each row in order: created, updated, unchanged, or failed with its errors', async () => {
    const first = await bulk([
      { location: tokyoStore('B-1'), groups: ['east'] },
      { location: tokyoStore('B-2') },
      { location: tokyoStore('B-3', { primaryPhone: '12' }) },
    ]);
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0, failed: 1 });
    expect(first.results.map((r: { outcome: string }) => r.outcome)).toEqual(['CREATED', 'CREATED', 'FAILED']);
    expect(first.results[2].errors).toEqual([{ code: 'INVALID_PHONE', path: ['primaryPhone'] }]);
    expect(first.results[0].location.groups).toEqual(['east']);

    const second = await bulk([
      { location: tokyoStore('B-1'), groups: ['east'] },
      { location: tokyoStore('B-2', { name: 'renamed' }) },
      { location: tokyoStore('B-1') },
    ]);
    expect(second.results.map((r: { outcome: string }) => r.outcome)).toEqual(['UNCHANGED', 'UPDATED', 'FAILED']);
    expect(second.results[1].location).toMatchObject({ name: 'renamed', version: 2 });
    expect(second.results[2].errors).toEqual([{ code: 'DUPLICATE_STORE_CODE', path: ['storeCode'] }]);
  });

  it('takes 1,000 rows in one call and refuses 1,001', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ location: tokyoStore(`K-${i}`) }));
    const ok = await bulk(rows);
    expect(ok).toMatchObject({ created: 1000, failed: 0 });
    const tooMany = await bulk([...rows, { location: tokyoStore('K-1000') }]);
    expect(tooMany.results).toEqual([]);
    expect(tooMany.errors[0].code).toBe('INVALID_INPUT');
    const stored = await suite.database.db.selectFrom('locations').select('id').where('store_code', '=', 'K-1000').execute();
    expect(stored).toEqual([]);
  });

  it('keeps each row whole when a concurrent writer takes a store code mid-batch', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ location: tokyoStore(`RACE-${i}`) }));
    const [a, b] = await Promise.all([bulk(rows), bulk(rows)]);
    for (let i = 0; i < rows.length; i++) {
      const outcomes = [a.results[i].outcome, b.results[i].outcome].sort();
      expect(outcomes[0]).toBe('CREATED');
      expect(['FAILED', 'UNCHANGED']).toContain(outcomes[1]);
    }
    const stored = await suite.database.db
      .selectFrom('locations')
      .innerJoin('location_audit', 'location_audit.location_id', 'locations.id')
      .select(['locations.store_code', 'location_audit.action'])
      .where('locations.store_code', 'like', 'RACE-%')
      .execute();
    expect(stored).toHaveLength(50);
    expect(new Set(stored.map((s) => s.store_code)).size).toBe(50);
  });
});

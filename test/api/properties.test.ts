import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useApiSuite } from '../support/suite.ts';
import { tokyoStore } from '../support/fixtures.ts';

const suite = useApiSuite();

async function counts() {
  const n = async (table: 'locations' | 'location_audit' | 'outbox') =>
    Number(
      (
        await suite.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('org_id', '=', suite.org.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { locations: await n('locations'), audit: await n('location_audit'), outbox: await n('outbox') };
}

/** Values a careless or hostile client might put in any field. */
const junk = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '25:00', '2026-02-30', '+81', 'ZZ', 'null', '<script>', '９９：９９', 'x'.repeat(6000)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

const FIELDS = [
  'storeCode', 'name', 'status', 'statusDate', 'primaryPhone', 'additionalPhones', 'website', 'primaryCategory',
  'additionalCategories', 'description', 'labels', 'latitude', 'longitude', 'address', 'regularHours', 'specialHours',
  'attributes', 'photos', 'localizedNames', 'socialProfiles',
] as const;

const mutatedStore = fc
  .tuple(fc.uniqueArray(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 4 }), fc.array(junk, { minLength: 4, maxLength: 4 }), fc.nat())
  .map(([fields, values, n]) => {
    const store: Record<string, unknown> = tokyoStore(`PROP-${n}`);
    fields.forEach((f, i) => (store[f] = values[i]));
    return store;
  });

const CREATE = `mutation($input: CreateLocationInput!) {
  createLocation(input: $input) { location { id version } errors { code path message } }
}`;

describe('random input through the API', () => {
  it('never yields a server error, and a write is either whole (location + audit + outbox) or absent', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedStore, async (location) => {
        const before = await counts();
        const res = await suite.api.gql(CREATE, { input: { organizationId: suite.org.gid, location } }, suite.org.key);
        expect(res.status).toBeLessThan(500);
        for (const e of res.errors ?? []) expect(e.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
        const after = await counts();
        const created = res.data?.createLocation?.location;
        if (created) {
          expect(res.data.createLocation.errors).toEqual([]);
          expect(after).toEqual({ locations: before.locations + 1, audit: before.audit + 1, outbox: before.outbox + 1 });
        } else {
          if (res.data?.createLocation) expect(res.data.createLocation.errors.length).toBeGreaterThan(0);
          expect(after).toEqual(before);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('random patches to an existing location never yield a server error, and a rejected patch changes nothing', async () => {
    const created = await suite.api.gql(CREATE, { input: { organizationId: suite.org.gid, location: tokyoStore('PATCHED') } }, suite.org.key);
    const id = created.data.createLocation.location.id;
    const patches = fc
      .tuple(fc.uniqueArray(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 3 }), fc.array(junk, { minLength: 3, maxLength: 3 }))
      .map(([fields, values]) => Object.fromEntries(fields.map((f, i) => [f, values[i]])));
    await fc.assert(
      fc.asyncProperty(patches, async (patch) => {
        const current = await suite.api.gql(`query($id: ID!) { location(id: $id) { version name } }`, { id }, suite.org.key);
        const before = await counts();
        const res = await suite.api.gql(
          `mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { location { version } errors { code } } }`,
          { input: { id, expectedVersion: current.data.location.version, patch } },
          suite.org.key,
        );
        expect(res.status).toBeLessThan(500);
        for (const e of res.errors ?? []) expect(e.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
        const result = res.data?.updateLocation;
        const after = await counts();
        if (!result?.location) {
          expect(after).toEqual(before);
        } else if (result.location.version === current.data.location.version) {
          expect(after).toEqual(before);
        } else {
          expect(after).toEqual({ locations: before.locations, audit: before.audit + 1, outbox: before.outbox + 1 });
        }
      }),
      { numRuns: 150 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { useApiSuite } from '../support/suite.ts';
import { LOCATION_FIELDS, tokyoStore } from '../support/fixtures.ts';

const suite = useApiSuite();

const CREATE = `mutation($input: CreateLocationInput!) {
  createLocation(input: $input) { location { ${LOCATION_FIELDS} } errors { code path message } }
}`;
const UPDATE = `mutation($input: UpdateLocationInput!) {
  updateLocation(input: $input) { location { ${LOCATION_FIELDS} } errors { code path message } }
}`;

async function create(storeCode: string, overrides: Record<string, unknown> = {}, groups?: string[]) {
  const res = await suite.api.gql(CREATE, { input: { organizationId: suite.org.gid, location: tokyoStore(storeCode, overrides), groups } }, suite.org.key);
  expect(res.errors).toBeUndefined();
  return res.data.createLocation;
}

describe('creating a location', () => {
  it('stores every field, normalizes phones to E.164 and returns a Japanese address exactly as entered', async () => {
    const { location, errors } = await create('TKY-1', {}, ['関東']);
    expect(errors).toEqual([]);
    expect(location.version).toBe(1);
    expect(location.primaryPhone).toBe('+81312345678');
    expect(location.address).toEqual({
      country: 'JP',
      postalCode: '107-0052',
      region: '東京都',
      city: '港区',
      district: '赤坂四丁目',
      lines: ['３番２号'],
      building: '赤坂ビル５F',
    });
    expect(location.regularHours[0]).toEqual({
      day: 'MONDAY',
      intervals: [{ open: '11:00', close: '15:00' }, { open: '17:00', close: '02:00' }],
    });
    expect(location.groups).toEqual(['関東']);

    const again = await suite.api.gql(`query($id: ID!) { location(id: $id) { ${LOCATION_FIELDS} } }`, { id: location.id }, suite.org.key);
    expect(again.data.location).toEqual(location);
  });

  it('rejects a duplicate store code with a typed error and writes nothing', async () => {
    await create('DUP-1');
    const { location, errors } = await create('DUP-1', { name: 'Other' });
    expect(location).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ code: 'DUPLICATE_STORE_CODE', path: ['storeCode'] })]);
    const count = await suite.database.db
      .selectFrom('locations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('store_code', '=', 'DUP-1')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('reports every invalid field at once, with codes and paths', async () => {
    const res = await suite.api.gql(
      CREATE,
      {
        input: {
          organizationId: suite.org.gid,
          location: tokyoStore('BAD-1', {
            primaryPhone: '03-12',
            primaryCategory: 'no_such_category',
            regularHours: [{ day: 'MONDAY', intervals: [{ open: '09:00', close: '25:00' }] }],
          }),
        },
      },
      suite.org.key,
    );
    const codes = res.data.createLocation.errors.map((e: { code: string }) => e.code).sort();
    expect(codes).toEqual(['INVALID_HOURS', 'INVALID_PHONE', 'UNKNOWN_CATEGORY']);
    expect(res.data.createLocation.location).toBeNull();
  });

  it('writes an audit row and an outbox row in the same transaction', async () => {
    const { location } = await create('OUTBOX-1');
    const id = Buffer.from(location.id, 'base64').toString().split(':')[1];
    const outbox = await suite.database.db.selectFrom('outbox').selectAll().where('aggregate_id', '=', id!).execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ event_type: 'location.created', aggregate_version: 1 });
    const audit = await suite.database.db.selectFrom('location_audit').selectAll().where('location_id', '=', id!).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'CREATE', actor_kind: 'API_KEY' });
  });
});

describe('updating a location', () => {
  it('changes only the given fields and records who changed what from what', async () => {
    const { location } = await create('UPD-1');
    const res = await suite.api.gql(
      UPDATE,
      { input: { id: location.id, expectedVersion: 1, patch: { name: 'てんぽ 赤坂本店', description: '新メニュー' } } },
      suite.org.key,
    );
    const updated = res.data.updateLocation.location;
    expect(res.data.updateLocation.errors).toEqual([]);
    expect(updated.version).toBe(2);
    expect(updated.name).toBe('てんぽ 赤坂本店');
    expect(updated.description).toBe('新メニュー');
    expect({ ...updated, name: location.name, description: location.description, version: 1 }).toEqual(location);

    const history = await suite.api.gql(
      `query($id: ID!) { location(id: $id) { history(first: 10) { edges { node { version action actor changes { field from to } } } } } }`,
      { id: location.id },
      suite.org.key,
    );
    const entries = history.data.location.history.edges.map((e: { node: unknown }) => e.node);
    expect(entries[0]).toEqual({
      version: 2,
      action: 'UPDATE',
      actor: expect.stringMatching(/^API key tnp_/),
      changes: [
        { field: 'name', from: 'てんぽ 赤坂店', to: 'てんぽ 赤坂本店' },
        { field: 'description', from: null, to: '新メニュー' },
      ],
    });
  });

  it('an explicit null clears a field', async () => {
    const { location } = await create('CLR-1', { website: 'https://tenpo.example/clr' });
    const res = await suite.api.gql(UPDATE, { input: { id: location.id, expectedVersion: 1, patch: { website: null } } }, suite.org.key);
    expect(res.data.updateLocation.location.website).toBeNull();
  });

  it('an identical update changes nothing: no new version, no audit, no outbox row', async () => {
    const { location } = await create('SAME-1');
    const res = await suite.api.gql(UPDATE, { input: { id: location.id, expectedVersion: 1, patch: { name: location.name } } }, suite.org.key);
    expect(res.data.updateLocation.location.version).toBe(1);
    const id = Buffer.from(location.id, 'base64').toString().split(':')[1]!;
    const outbox = await suite.database.db.selectFrom('outbox').select('id').where('aggregate_id', '=', id).execute();
    expect(outbox).toHaveLength(1);
  });

  it('a stale expectedVersion gets VERSION_CONFLICT and changes nothing', async () => {
    const { location } = await create('STALE-1');
    await suite.api.gql(UPDATE, { input: { id: location.id, expectedVersion: 1, patch: { name: 'first' } } }, suite.org.key);
    const res = await suite.api.gql(UPDATE, { input: { id: location.id, expectedVersion: 1, patch: { name: 'second' } } }, suite.org.key);
    expect(res.data.updateLocation.errors).toEqual([expect.objectContaining({ code: 'VERSION_CONFLICT' })]);
    const now = await suite.api.gql(`query($id: ID!) { location(id: $id) { name version } }`, { id: location.id }, suite.org.key);
    expect(now.data.location).toEqual({ name: 'first', version: 2 });
  });

  it('two updates racing from the same version: one wins, the other conflicts, and the audit log holds only the winner', async () => {
    const { location } = await create('RACE-1');
    const results = await Promise.all(
      ['A', 'B', 'C', 'D'].map((n) =>
        suite.api.gql(UPDATE, { input: { id: location.id, expectedVersion: 1, patch: { name: `writer ${n}` } } }, suite.org.key),
      ),
    );
    const winners = results.filter((r) => r.data.updateLocation.location);
    const losers = results.filter((r) => r.data.updateLocation.errors.length);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(3);
    for (const l of losers) expect(l.data.updateLocation.errors[0].code).toBe('VERSION_CONFLICT');
    const id = Buffer.from(location.id, 'base64').toString().split(':')[1]!;
    const audit = await suite.database.db.selectFrom('location_audit').selectAll().where('location_id', '=', id).orderBy('id').execute();
    expect(audit.map((a) => a.version)).toEqual([1, 2]);
    const winnerName = winners[0]!.data.updateLocation.location.name;
    expect(audit[1]!.changes).toEqual([{ field: 'name', from: 'てんぽ 赤坂店', to: winnerName }]);
  });
});

describe('archiving', () => {
  it('hides an archived location from lists until it is restored', async () => {
    const { location } = await create('ARCH-1');
    const archived = await suite.api.gql(
      `mutation($id: ID!) { archiveLocation(input: { id: $id }) { location { archived version } errors { code } } }`,
      { id: location.id },
      suite.org.key,
    );
    expect(archived.data.archiveLocation.location).toEqual({ archived: true, version: 2 });
    const list = await suite.api.gql(
      `{ locations(first: 100, filter: { search: "ARCH-1" }) { edges { node { storeCode } } } }`,
      {},
      suite.org.key,
    );
    expect(list.data.locations.edges).toEqual([]);
    const restored = await suite.api.gql(
      `mutation($id: ID!) { restoreLocation(input: { id: $id }) { location { archived version } } }`,
      { id: location.id },
      suite.org.key,
    );
    expect(restored.data.restoreLocation.location).toEqual({ archived: false, version: 3 });
  });
});

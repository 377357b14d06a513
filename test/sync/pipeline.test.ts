import { describe, expect, it } from 'vitest';
import { eventually } from '../support/sync.ts';
import { useSyncSuite } from './support.ts';

const suite = useSyncSuite();

async function runToEnd(filter: Record<string, unknown> = {}) {
  const data = await suite.gql(`mutation($input: SyncLocationsInput!) { syncLocations(input: $input) { run { id total } errors { code message } } }`, {
    input: { organizationId: suite.org.gid, filter },
  });
  expect(data.syncLocations.errors).toEqual([]);
  const runId = data.syncLocations.run.id;
  return eventually(async () => {
    const r = await suite.gql(`query($id: ID!) { node(id: $id) { ... on SyncRun { total progress { total queued delivered unchanged failed actionRequired notEligible finished byPlatform { platform total delivered unchanged } } } } }`, { id: runId });
    return r.node.progress.finished ? r.node.progress : undefined;
  }, 30_000, 'sync run to finish');
}

describe('from a store edit to Google', () => {
  let account: string;
  let existing: { id: string; version: number };
  let created: { id: string; version: number };
  let linkedName: string;

  it('links an existing Google listing by store code, creates the missing one, and validates before the first write', async () => {
    const fake = suite.harness.fake;
    account = fake.seedAccount({ accountName: 'Tenpo Ramen' }).name!;
    linkedName = fake.seedLocation(account, { title: 'Old title', storeCode: 'TKY-1', languageCode: 'ja' }).name!;
    existing = await suite.createStore('TKY-1');
    created = await suite.createStore('TKY-2', { name: 'てんぽ 新宿店', socialProfiles: [{ network: 'INSTAGRAM', url: 'https://instagram.com/tenpo_shinjuku' }] });

    const connection = await suite.connectGoogle(account, fake.issueRefreshToken());
    expect(connection.status).toBe('ACTIVE');

    const linked = await suite.waitForListing(existing.id, (l) => l.status === 'IN_SYNC');
    expect(linked.platformListingId).toBe(linkedName);
    const made = await suite.waitForListing(created.id, (l) => l.status === 'IN_SYNC');
    expect(made.platformListingId).toMatch(/^locations\//);
    expect(made.fields).toContainEqual({ field: 'name', status: 'MATCH' });
    expect(made.fields).toContainEqual({ field: 'socialProfiles', status: 'NOT_SUPPORTED' });

    expect(fake.state.location(linkedName)?.title).toBe('てんぽ 赤坂店');
    expect(fake.state.location(made.platformListingId!)?.title).toBe('てんぽ 新宿店');
    const writes = fake.calls.filter((c) => c.method !== 'GET' && c.path !== '/token');
    const patches = writes.filter((c) => c.path === `/v1/${linkedName}`);
    expect(patches.map((c) => c.query.validateOnly ?? 'write')).toEqual(['true', 'write']);
    const creates = writes.filter((c) => c.path === `/v1/${account}/locations`);
    expect(creates.map((c) => c.query.validateOnly ?? 'write')).toEqual(['true', 'write']);
    expect(fake.quotaViolations).toEqual([]);
  });

  it('sends exactly the changed field in the update mask, and nothing for an identical sync', async () => {
    const fake = suite.harness.fake;
    fake.clearCalls();
    existing = await suite.updateStore(existing.id, existing.version, { description: '博多豚骨ラーメンの店です。' });
    await eventually(async () => (fake.state.location(linkedName)?.profile?.description === '博多豚骨ラーメンの店です。' ? true : undefined));
    const patches = fake.findCalls({ method: 'PATCH' });
    expect(patches).toHaveLength(1);
    expect(patches[0]!.updateMask).toEqual(['profile.description']);
    expect(patches[0]!.query.validateOnly).toBeUndefined();

    fake.clearCalls();
    const progress = await runToEnd();
    expect(progress).toMatchObject({ total: 2, queued: 0, delivered: 0, unchanged: 2, failed: 0 });
    expect(progress.byPlatform).toEqual([{ platform: 'google', total: 2, delivered: 0, unchanged: 2 }]);
    expect(fake.calls.filter((c) => c.path !== '/token')).toEqual([]);
  });

  it('shows an edit not yet delivered as PENDING', async () => {
    const before = await suite.listing(created.id);
    expect(before.status).toBe('IN_SYNC');
    created = await suite.updateStore(created.id, created.version, { website: 'https://tenpo.example/shinjuku' });
    const right = await suite.listing(created.id);
    expect(['PENDING', 'IN_SYNC']).toContain(right.status);
    await suite.waitForListing(created.id, (l) => l.status === 'IN_SYNC');
    expect(suite.harness.fake.state.location((await suite.listing(created.id)).platformListingId!)?.websiteUri).toBe('https://tenpo.example/shinjuku');
  });

  it('explains why a store cannot be published: the field and the rule', async () => {
    const long = await suite.createStore('TKY-3', { description: 'あ'.repeat(751) });
    const listing = await suite.waitForListing(long.id, (l) => l.status === 'ACTION_REQUIRED');
    expect(listing.problems).toEqual([expect.objectContaining({ kind: 'ACTION_REQUIRED', field: 'description', rule: expect.stringContaining('description') })]);
    expect(listing.problems[0]!.message).toMatch(/750/);

    const abroad = await suite.createStore('PY-1', {
      address: { country: 'KP', postalCode: null, region: null, city: 'Pyongyang', district: null, lines: ['1 Street'], building: null },
      primaryPhone: null,
      latitude: null,
      longitude: null,
    });
    const ineligible = await suite.waitForListing(abroad.id, (l) => l.status === 'NOT_ELIGIBLE');
    expect(ineligible.problems[0]).toMatchObject({ kind: 'NOT_ELIGIBLE' });
    const fake = suite.harness.fake;
    const onGoogle = fake.state.locationNames(account).map((n) => fake.state.location(n)?.storeCode);
    expect(onGoogle).not.toContain('TKY-3');
    expect(onGoogle).not.toContain('PY-1');
  });
});

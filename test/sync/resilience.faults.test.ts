/**
 * Google misbehaves at random (429, 500, 503, hung requests, dropped connections, and writes
 * carried out whose answer is lost) under its real quotas and Tenpo's default ones. The run
 * still converges: nothing fails, every listing is IN_SYNC with Google holding our data, no
 * listing is created twice, and Google never had to refuse Tenpo for going over a quota.
 */
import { describe, expect, it } from 'vitest';
import { failRandomly, failTimes, type Fault, type FaultInjector } from '../fakes/google/server.ts';
import { eventually } from '../support/sync.ts';
import { useSyncSuite } from './support.ts';
import { landedPatches, listingRows, startRun, storeInput, unrelayedOutboxRows, upsertStores, waitForRun } from './resilienceSupport.ts';

const LINKED = 40; // already on Google, matched by store code: patched
const CREATED = 20; // not on Google yet: created
const PREFIX = 'FLT';

const FAULTS: Fault[] = [
  { kind: 'status', status: 429 },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503 },
  { kind: 'hang' },
  { kind: 'reset' },
  // The request is carried out and only its answer is lost: "did my write happen?"
  { kind: 'reset', afterProcessing: true },
  { kind: 'hang', afterProcessing: true },
  { kind: 'status', status: 503, afterProcessing: true },
];
/** Google is flaky for the first `calls` API requests of the run (the token endpoint never), then recovers. */
function flakyFor(calls: number, injector: FaultInjector): FaultInjector {
  let seen = 0;
  return (req) => (req.api === 'oauth' || seen++ >= calls ? undefined : injector(req));
}
const kindOf = (f: Fault) => `${f.kind === 'status' ? f.status : f.kind}${f.afterProcessing ? '+processed' : ''}`;

// Real quotas on both sides; hung requests time out after a second.
const suite = useSyncSuite({ timeoutMs: 1_000 });
let account: string | undefined;
/** The chain's Google account, connected once for the file. */
async function connected(): Promise<string> {
  if (account) return account;
  const fake = suite.harness.fake;
  account = fake.seedAccount({ accountName: 'Tenpo Chain' }).name!;
  for (let i = 0; i < LINKED; i++) fake.seedLocation(account, { title: `Old title ${i}`, storeCode: storeInput(i, PREFIX).storeCode as string, languageCode: 'ja' });
  await suite.connectGoogle(account, fake.issueRefreshToken());
  return account;
}

describe('Google failing at random during a sync run', () => {
  it('converges: no failure, every listing IN_SYNC, our data on Google, no duplicate, no quota violation', async () => {
    const fake = suite.harness.fake;
    await upsertStores(suite, Array.from({ length: LINKED + CREATED }, (_, i) => storeInput(i, PREFIX)));
    const account = await connected();
    // One API call in five fails, for the first 150 (about three quarters of the run). The
    // seeded draws are the same every time: which faults are injected is fixed, not which call
    // gets which. A bounded window keeps the backoff tail (1, 2, 4 … s) inside the test's time.
    fake.setFaults(flakyFor(150, failRandomly(0.2, FAULTS, 3)));
    const run = await startRun(suite);
    expect(run.total).toBe(LINKED + CREATED);

    const progress = await waitForRun(suite, run.id, 150_000);
    const rows = await listingRows(suite);
    expect(rows.filter((l) => l.status !== 'IN_SYNC').map((l) => [l.storeCode, l.status, l.lastError])).toEqual([]);
    expect(progress).toMatchObject({ total: LINKED + CREATED, queued: 0, failed: 0, actionRequired: 0, notEligible: 0 });
    expect(progress.delivered).toBe(LINKED + CREATED);

    // Google holds our data, each store on one listing of its own: lost answers to creates did
    // not make duplicates, and the linked listings were not recreated.
    expect(rows.filter((l) => l.deliveredVersion !== l.version)).toEqual([]);
    const titles = rows.map((l) => ({ storeCode: l.storeCode, title: fake.state.location(l.platformListingId!)?.title }));
    expect(titles).toEqual(rows.map((l) => ({ storeCode: l.storeCode, title: l.name })));
    const onGoogle = fake.state.locationNames(account).map((n) => fake.state.location(n)!.storeCode).sort();
    expect(onGoogle).toEqual(rows.map((l) => l.storeCode).sort());
    await eventually(async () => ((await unrelayedOutboxRows(suite)) === 0 ? true : undefined), 10_000, 'outbox drained');

    // Tenpo kept within Google's quotas though retrying: Google never refused it for quota.
    expect(fake.quotaViolations).toEqual([]);
    expect(fake.serverErrors).toEqual([]);

    // The faults really happened, every kind of them, on reads, creates and patches.
    const injected = new Set(fake.faults.map((f) => kindOf(f.fault)));
    expect([...injected].sort()).toEqual(FAULTS.map(kindOf).sort());
    const faultedWrites = fake.faults.filter((f) => f.method !== 'GET');
    expect(faultedWrites.some((f) => f.method === 'PATCH')).toBe(true);
    expect(faultedWrites.some((f) => f.method === 'POST')).toBe(true);

    // A write whose answer was lost was repeated identically, never with other data.
    const processed = new Set(fake.faults.filter((f) => f.fault.afterProcessing).map((f) => f.seq));
    for (const [name, writes] of landedPatches(fake.calls, processed)) {
      const bodies = new Set(writes.map((w) => JSON.stringify([w.updateMask, w.body])));
      expect(bodies.size, `${name} got different writes: ${[...bodies].join(' | ')}`).toBe(1);
    }
  }, 170_000);

  describe('a create whose answer was lost, retried after the store was renamed', () => {
    const STORE = 'FLT-LOST-1';
    const ours = (r: { method: string; path: string; query: Record<string, string>; body?: unknown }) =>
      r.method === 'POST' && /\/locations$/.test(r.path) && r.query.validateOnly !== 'true' && (r.body as { storeCode?: string } | undefined)?.storeCode === STORE;
    let listingName: string;

    it('makes one listing on Google and ends IN_SYNC', async () => {
      const fake = suite.harness.fake;
      const account = await connected();
      // The store's create is carried out by Google but never answered: Tenpo times out, retries.
      fake.setFaults(failTimes(1, { kind: 'hang', afterProcessing: true }, ours));
      const store = await suite.createStore(STORE, { name: 'てんぽ 初めの名前' });
      await eventually(async () => (fake.calls.some(ours) ? true : undefined), 10_000, 'the create to reach Google');
      // While Tenpo waits for the answer that never comes, the store is renamed.
      await suite.updateStore(store.id, store.version, { name: 'てんぽ 新しい名前' });

      const listing = await suite.waitForListing(store.id, (l) => l.status === 'IN_SYNC' && l.lastError === null);
      const onGoogle = fake.state.locationNames(account).filter((n) => fake.state.location(n)!.storeCode === STORE);
      expect(onGoogle).toEqual([listing.platformListingId]); // the retry did not make a second listing
      listingName = listing.platformListingId!;
    });

    // The retried create gets back, by its requestId, the listing the lost attempt made with that
    // attempt's data; Tenpo reads it back and sends what is stale.
    it('Google shows the new name', async () => {
      expect(listingName).toBeDefined();
      await eventually(async () => (suite.harness.fake.state.location(listingName)?.title === 'てんぽ 新しい名前' ? true : undefined), 20_000, 'the new name on Google');
    });
  });
});

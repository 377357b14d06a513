import { describe, expect, it } from 'vitest';
import { eventually } from '../support/sync.ts';
import { useSyncSuite } from './support.ts';

const suite = useSyncSuite();

describe("Google's quota of 10 edits per minute per listing", () => {
  it('200 edits to one store within a minute: at most 10 Google edits in any minute, and Google ends with the final state', async () => {
    const fake = suite.harness.fake;
    const account = fake.seedAccount({ accountName: 'Busy' }).name!;
    let store = await suite.createStore('Q-1');
    await suite.connectGoogle(account, fake.issueRefreshToken());
    const { platformListingId: name } = await suite.waitForListing(store.id, (l) => l.status === 'IN_SYNC');

    const started = Date.now();
    // Spread over ~25 s, so that without the quota most edits would be delivered one by one.
    for (let i = 1; i <= 200; i++) {
      store = await suite.updateStore(store.id, store.version, { description: `edit ${i}` });
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(Date.now() - started).toBeLessThan(60_000);

    await eventually(async () => (fake.state.location(name!)?.profile?.description === 'edit 200' ? true : undefined), 120_000, 'the final edit on Google');
    const edits = fake.findCalls({ method: 'PATCH', path: `/v1/${name}` }).filter((c) => c.query.validateOnly === undefined && c.status === 200);
    // Every trailing 60 s window, as Google counts.
    const times = edits.map((c) => c.at);
    for (const t of times) expect(times.filter((u) => u > t - 60_000 && u <= t).length).toBeLessThanOrEqual(10);
    // The quota, not coalescing alone, held the rate: the first minute used all 10 edits.
    expect(times.filter((u) => u < times[0]! + 60_000).length).toBe(10);
    expect(edits.length).toBeLessThanOrEqual(20);
    expect(fake.quotaViolations).toEqual([]);
    expect((await suite.listing(store.id)).status).toBe('IN_SYNC');
  }, 150_000);
});

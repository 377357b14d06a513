import { describe, expect, it } from 'vitest';
import { enqueueReadBacks } from '../../jobs/readBack.ts';
import { eventually } from '../support/sync.ts';
import { useSyncSuite, type ListingState } from './support.ts';

const suite = useSyncSuite();

describe('read-back: what Google shows', () => {
  let connectionId: string;
  let store: { id: string; version: number };
  let name: string;

  async function readBack(): Promise<void> {
    const before = await suite.database.db.selectFrom('listings').select('read_back_at').where('connection_id', '=', connectionId).executeTakeFirstOrThrow();
    await enqueueReadBacks(suite.harness.queues, [connectionId]);
    await eventually(async () => {
      const after = await suite.database.db.selectFrom('listings').select('read_back_at').where('connection_id', '=', connectionId).executeTakeFirstOrThrow();
      return after.read_back_at && after.read_back_at.getTime() !== before.read_back_at?.getTime() ? true : undefined;
    }, 20_000, 'read-back');
  }

  const field = (l: ListingState, f: string) => l.fields.find((x) => x.field === f)?.status;

  it('starts from a delivered listing whose fields all MATCH', async () => {
    const fake = suite.harness.fake;
    const account = fake.seedAccount({ accountName: 'Chain' }).name!;
    store = await suite.createStore('RB-1', { website: 'https://tenpo.example/akasaka' });
    const connection = await suite.connectGoogle(account, fake.issueRefreshToken());
    connectionId = Buffer.from(connection.id, 'base64').toString().split(':')[1]!;
    const listing = await suite.waitForListing(store.id, (l) => l.status === 'IN_SYNC');
    name = listing.platformListingId!;
    await readBack();
    const read = await suite.listing(store.id);
    expect(read.fields.filter((f) => f.status !== 'MATCH' && f.status !== 'NOT_SUPPORTED')).toEqual([]);
    expect(read.suggestedEdits).toEqual([]);
  });

  it("turns Google's own edit into a suggested edit; accepting copies it into the store and settles it on Google", async () => {
    const fake = suite.harness.fake;
    fake.googleEdit(name, { title: 'てんぽ 赤坂本店' });
    await readBack();
    const listing = await suite.listing(store.id);
    expect(field(listing, 'name')).toBe('MISMATCH');
    expect(listing.suggestedEdits).toEqual([{ id: expect.any(String), platformField: 'title', platformValue: 'てんぽ 赤坂本店', ourValue: 'てんぽ 赤坂店' }]);

    const accepted = await suite.gql(`mutation($input: SuggestedEditDecisionInput!) { acceptSuggestedEdit(input: $input) { suggestedEdit { status decidedBy } errors { code message } } }`, {
      input: { id: listing.suggestedEdits[0]!.id },
    });
    expect(accepted.acceptSuggestedEdit).toEqual({ suggestedEdit: { status: 'ACCEPTED', decidedBy: expect.stringContaining('API key') }, errors: [] });
    const loc = await suite.gql(`query($id: ID!) { location(id: $id) { name version } }`, { id: store.id });
    expect(loc.location.name).toBe('てんぽ 赤坂本店');
    store = { id: store.id, version: loc.location.version };
    // Our PATCH of the same value settles Google's pending edit.
    await eventually(async () => (fake.state.googleView(name)?.diffMask.length === 0 ? true : undefined), 20_000, 'Google edit settled');
    expect(fake.findCalls({ method: 'PATCH' }).at(-1)?.updateMask).toEqual(['title']);

    const again = await suite.gql(`mutation($input: SuggestedEditDecisionInput!) { acceptSuggestedEdit(input: $input) { errors { code } } }`, {
      input: { id: listing.suggestedEdits[0]!.id },
    });
    expect(again.acceptSuggestedEdit.errors).toEqual([{ code: 'VERSION_CONFLICT' }]);
  });

  it("rejecting a Google edit delivers our value again", async () => {
    const fake = suite.harness.fake;
    fake.googleEdit(name, { websiteUri: 'https://spam.example/' });
    await readBack();
    const listing = await suite.listing(store.id);
    expect(field(listing, 'website')).toBe('MISMATCH');
    const edit = listing.suggestedEdits.find((e) => e.platformField === 'websiteUri')!;
    fake.clearCalls();
    const rejected = await suite.gql(`mutation($input: SuggestedEditDecisionInput!) { rejectSuggestedEdit(input: $input) { suggestedEdit { status } errors { code } } }`, {
      input: { id: edit.id },
    });
    expect(rejected.rejectSuggestedEdit).toEqual({ suggestedEdit: { status: 'REJECTED' }, errors: [] });
    await eventually(async () => (fake.findCalls({ method: 'PATCH' }).length > 0 && fake.state.googleView(name)?.diffMask.length === 0 ? true : undefined));
    expect(fake.findCalls({ method: 'PATCH' }).map((c) => c.updateMask)).toEqual([['websiteUri']]);
    expect(fake.state.location(name)?.websiteUri).toBe('https://tenpo.example/akasaka');
    await readBack();
    const settled = await suite.listing(store.id);
    expect(field(settled, 'website')).toBe('MATCH');
    expect(settled.suggestedEdits).toEqual([]);
  });

  it('drift (the listing changed elsewhere) shows as MISMATCH and our value is delivered again', async () => {
    const fake = suite.harness.fake;
    const current = fake.state.location(name)!;
    fake.state.replaceLocation(name, { ...current, profile: { description: 'Edited in another tool' } }, ['profile.description']);
    fake.clearCalls();
    await readBack();
    await eventually(async () => (fake.findCalls({ method: 'PATCH' }).length > 0 ? true : undefined), 20_000, 'drift repaired');
    expect(fake.findCalls({ method: 'PATCH' })[0]!.updateMask).toEqual(['profile.description']);
    expect(fake.state.location(name)?.profile?.description).toBeUndefined();
    const listing = await suite.waitForListing(store.id, (l) => l.status === 'IN_SYNC');
    expect(listing.lastError).toBeNull();
  });
});

/**
 * Live updates: the dashboard subscribes over SSE (GraphQL over Server-Sent Events, as
 * graphql-yoga serves it) and hears new reviews and reply states without reloading, through
 * Redis pub/sub, so an event published by any process reaches every API process.
 */
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createReviewEvents } from '../../src/reviews/events.ts';
import { authenticate, stillValid, type Principal } from '../../src/auth/principal.ts';
import { createKey, createUserIn } from '../support/api.ts';
import { eventually, REDIS_URL } from '../support/sync.ts';
import { uuidOf } from '../support/tenancy.ts';
import { useReviewSuite } from './support.ts';

const suite = useReviewSuite();

interface LiveEvent {
  kind: string;
  review: { text: string | null; location: { storeCode: string }; reply: { state: string } | null; fraud: { verdict: string } | null };
}

interface Subscription {
  events: LiveEvent[];
  errors: unknown[];
  close(): void;
}

const open: Subscription[] = [];
const redis = new Redis(REDIS_URL);
afterAll(() => {
  open.forEach((s) => s.close());
  redis.disconnect();
});

/** Subscribes as a browser would: a POST that answers with an event stream. */
async function subscribe(token: string, organizationId: string): Promise<Subscription> {
  const abort = new AbortController();
  const res = await fetch(`${suite.api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: `subscription($org: ID!) { reviewEvents(organizationId: $org) { kind review { text location { storeCode } reply { state } fraud { verdict } } } }`,
      variables: { org: organizationId },
    }),
    signal: abort.signal,
  });
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const sub: Subscription = { events: [], errors: [], close: () => abort.abort() };
  open.push(sub);
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = message.split('\n').find((l) => l.startsWith('data:'));
          if (!data || !message.includes('event: next')) continue;
          const payload = JSON.parse(data.slice(5)) as { data?: { reviewEvents: LiveEvent }; errors?: unknown[] };
          if (payload.errors) sub.errors.push(...payload.errors);
          if (payload.data) sub.events.push(payload.data.reviewEvents);
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  // The subscription is live once the server process listens on the organisation's channel.
  const channel = `${suite.harness.prefix}:reviews:${uuidOf(organizationId)}`;
  await eventually(async () => {
    const [, listeners] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
    return listeners > 0 ? true : undefined;
  }, 10_000, 'the server to subscribe');
  await new Promise((r) => setTimeout(r, 100));
  return sub;
}

const pullNow = () => suite.gql(`mutation($input: PullReviewsInput!) { pullReviews(input: $input) }`, { input: { organizationId: suite.org.gid } });

describe('live review updates over SSE', () => {
  it('tells the inbox about new reviews and reply states, each caller only about the stores they may see', async () => {
    const { locations, stores } = await suite.connectStores(['LIVE-1', 'LIVE-2']);
    await eventually(async () => ((await suite.database.db.selectFrom('listings').select('reviews_swept_at').where('org_id', '=', suite.org.id).where('reviews_swept_at', 'is not', null).execute()).length === 2 ? true : undefined), 20_000, 'the first pull');
    const manager = await createUserIn(suite.database.db, suite.api, suite.org.id, 'STORE_MANAGER');
    await suite.gql(`mutation($input: AssignStoreManagerInput!) { assignStoreManager(input: $input) { errors { code } } }`, {
      input: { organizationId: suite.org.gid, userId: manager.userId, locationId: stores.get('LIVE-2') },
    });
    const owner = await subscribe(suite.org.key, suite.org.gid);
    const managed = await subscribe(manager.token, suite.org.gid);

    suite.harness.fake.seedReview(locations.get('LIVE-1')!, { reviewId: 'live-a', starRating: 'FOUR', comment: '新メニューがおいしかった' });
    suite.harness.fake.seedReview(locations.get('LIVE-2')!, { reviewId: 'live-b', starRating: 'FIVE', comment: 'スタッフが親切でした' });
    await pullNow();
    await eventually(async () => (owner.events.length >= 2 && managed.events.length >= 1 ? true : undefined), 20_000, 'the new-review events');
    expect(owner.events.map((e) => [e.kind, e.review.text]).sort()).toEqual([
      ['REVIEW_ADDED', 'スタッフが親切でした'],
      ['REVIEW_ADDED', '新メニューがおいしかった'],
    ]);
    // The event arrives with the verdict: reviews are screened before the dashboard hears.
    expect(owner.events.every((e) => e.review.fraud?.verdict === 'OK')).toBe(true);
    expect(managed.events.map((e) => e.review.location.storeCode)).toEqual(['LIVE-2']);

    const inbox = await suite.inbox();
    const target = inbox.reviews.find((r) => r.text === 'スタッフが親切でした')!;
    await suite.gql(`mutation($input: ReplyToReviewInput!) { replyToReview(input: $input) { errors { code } } }`, { input: { reviewId: target.id, text: 'ありがとうございます' } });
    await eventually(async () => (managed.events.some((e) => e.kind === 'REPLY_CHANGED' && e.review.reply?.state === 'PUBLISHED') ? true : undefined), 20_000, 'the reply state events');
    expect(managed.events.filter((e) => e.kind === 'REPLY_CHANGED').map((e) => e.review.reply?.state)).toEqual(['SENDING', 'PUBLISHED']);
    expect(owner.errors).toEqual([]);
    expect(managed.errors).toEqual([]);
  });

  it('delivers an event published by another process through Redis', async () => {
    const review = (await suite.inbox()).reviews[0]!;
    const sub = await subscribe(suite.org.key, suite.org.gid);
    const otherProcess = createReviewEvents({ redisUrl: REDIS_URL, prefix: suite.harness.prefix, log: pino({ level: 'silent' }) });
    try {
      otherProcess.publish(suite.org.id, [{ kind: 'REVIEW_UPDATED', reviewId: uuidOf(review.id), locationId: uuidOf(review.location.id) }]);
      await eventually(async () => (sub.events.length > 0 ? true : undefined), 10_000, 'the event from the other connection');
      expect(sub.events[0]).toMatchObject({ kind: 'REVIEW_UPDATED', review: { text: review.text } });
    } finally {
      await otherProcess.close();
    }
  });

  it('knows when the caller of a long-lived subscription has signed out or lost the key', async () => {
    const user = await createUserIn(suite.database.db, suite.api, suite.org.id, 'EDITOR');
    const principal = await authenticate(suite.database.db, `Bearer ${user.token}`, pino({ level: 'silent' }));
    expect('failure' in principal).toBe(false);
    expect(await stillValid(suite.database.db, principal as Principal)).toBe(true);
    await suite.api.gql('mutation { signOut }', {}, user.token);
    expect(await stillValid(suite.database.db, principal as Principal)).toBe(false);

    const key = await createKey(suite.database.db, suite.org.id, 'VIEWER');
    const keyPrincipal = (await authenticate(suite.database.db, `Bearer ${key}`, pino({ level: 'silent' }))) as Principal;
    expect(await stillValid(suite.database.db, keyPrincipal)).toBe(true);
    await suite.database.db.updateTable('api_keys').set({ revoked_at: new Date() }).where('id', '=', (keyPrincipal as { keyId: string }).keyId).execute();
    expect(await stillValid(suite.database.db, keyPrincipal)).toBe(false);
  });

  it('refuses a subscription to an organisation the caller cannot see', async () => {
    const res = await fetch(`${suite.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${suite.org.key}` },
      body: JSON.stringify({ query: `subscription { reviewEvents(organizationId: "T3JnYW5pemF0aW9uOjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA==") { kind } }` }),
    });
    const text = await res.text();
    expect(text).toContain('No such organisation.');
  });
});

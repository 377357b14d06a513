/**
 * npm run bench:reviews — how quickly the review inbox and its statistics answer on a large
 * organisation, against the storage floor measured in the same run.
 *
 * The data: BENCH_REVIEWS reviews (default 200,000) over BENCH_STORES stores (200), a year of
 * history, two thirds answered, 3% suspected fake; one store manager assigned 5 stores.
 * Each query runs through the real GraphQL stack in process (graphql-yoga's fetch, production
 * settings: the same parse, validation, resolvers and SQL as over HTTP, without the socket) one
 * request at a time, BENCH_ITERATIONS times (200) after a warm-up. Two floors are measured in the
 * same run: the one SQL statement a first inbox page cannot do without (the newest 21 ids), and
 * one scan counting the reviews the statistics aggregate; each ratio says what the API adds on
 * top of reading those rows at all.
 *
 * Environment: BENCH_REVIEWS, BENCH_STORES, BENCH_ITERATIONS, TEST_DATABASE_URL.
 */
import './env.ts';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { pino } from 'pino';
import { insertJsonRows } from '../src/db/jsonInsert.ts';
import { encodeGlobalID } from '../src/graphql/ids.ts';
import { createGraphQL } from '../src/graphql/yoga.ts';
import { upsertBatch } from '../src/locations/bulk.ts';
import { createUser, setMembership } from '../src/orgs/service.ts';
import { signIn } from '../src/auth/service.ts';
import { createOrgWithKey } from '../test/support/api.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { tokyoStore } from '../test/support/fixtures.ts';
import { seededRandom } from './random.ts';

function setting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}
const REVIEWS = setting('BENCH_REVIEWS', 200_000);
const STORES = setting('BENCH_STORES', 200);
const ITERATIONS = setting('BENCH_ITERATIONS', 200);

const database = await createTestDatabase();
const { db } = database;
try {
  const org = await createOrgWithKey(db, { name: 'Bench reviews' });
  const stores = await upsertBatch(
    db,
    org.id,
    { kind: 'SYSTEM', id: null, label: 'bench' },
    Array.from({ length: STORES }, (_, i) => ({ input: tokyoStore(`RB-${i}`, { name: `ベンチ店 ${i}` }), groups: [] })),
  );
  const locationIds = stores.map((s) => s.location!.id);
  const random = seededRandom(7);
  const year = 365 * 86_400_000;
  const now = Date.now();
  const started = performance.now();
  for (let offset = 0; offset < REVIEWS; offset += 5_000) {
    const rows = Array.from({ length: Math.min(5_000, REVIEWS - offset) }, (_, k) => {
      const created = new Date(now - random() * year);
      const answered = random() < 0.66 ? new Date(created.getTime() + random() * 3 * 86_400_000) : null;
      const fake = random() < 0.03;
      return {
        id: randomUUID(),
        org_id: org.id,
        location_id: locationIds[Math.floor(random() * locationIds.length)],
        platform: random() < 0.8 ? 'google' : 'yelp',
        platform_review_id: `r-${offset + k}`,
        author_name: `Reviewer ${offset + k}`,
        rating_stars: 1 + Math.floor(random() * 5),
        text: 'とても美味しかったです。また来ます。',
        language: 'ja',
        created_at: created.toISOString(),
        updated_at: created.toISOString(),
        content_hash: `h${offset + k}`,
        platform_reply_text: answered ? 'ありがとうございました' : null,
        platform_reply_at: answered?.toISOString() ?? null,
        answered_at: answered?.toISOString() ?? null,
        fraud_verdict: fake ? 'REVIEW' : 'OK',
        fraud_score: fake ? 60 : 5,
      };
    });
    await db.transaction().execute(async (trx) => {
      const inserted = await insertJsonRows<{ id: string; platform_reply_text: string | null; answered_at: string | null }>(trx, 'reviews', Object.keys(rows[0]!), rows, ['id', 'platform_reply_text', 'answered_at']);
      const replies = inserted.filter((r) => r.platform_reply_text !== null).map((r) => ({ review_id: r.id, org_id: org.id, text: r.platform_reply_text, state: 'PUBLISHED', published_at: r.answered_at }));
      await insertJsonRows(trx, 'review_replies', ['review_id', 'org_id', 'text', 'state', 'published_at'], replies);
    });
  }
  await sql`analyze`.execute(db);
  process.stdout.write(`seeded ${REVIEWS.toLocaleString('en')} reviews over ${STORES} stores in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

  const manager = await createUser(db, { email: 'bench-manager@example.com', name: 'Manager', password: 'bench password 123' });
  if (!manager.ok) throw new Error('could not create the store manager');
  await setMembership(db, manager.value.id, org.id, 'STORE_MANAGER');
  await db.insertInto('store_manager_assignments').values(locationIds.slice(0, 5).map((id) => ({ id: randomUUID(), user_id: manager.value.id, org_id: org.id, location_id: id, group_id: null }))).execute();
  const session = await signIn(db, { email: 'bench-manager@example.com', password: 'bench password 123' });
  if (!session.ok) throw new Error('could not sign the store manager in');

  const yoga = createGraphQL({ db, log: pino({ level: 'silent' }), production: true });
  const REVIEW = 'id platform text createdAt rating { stars } author { name } location { name storeCode } reply { state text publishedAt } fraud { verdict score } suspectedFake report { state }';
  const gql = (token: string, query: string, variables: Record<string, unknown>) => async () => {
    const res = await yoga.fetch('http://bench/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  const inbox = (filter: Record<string, unknown>, withCount = false) =>
    gql(org.key, `query($org: ID!, $filter: ReviewFilter) { node(id: $org) { ... on Organization { reviews(first: 20, filter: $filter) { ${withCount ? 'totalCount' : ''} edges { node { ${REVIEW} } } pageInfo { endCursor hasNextPage } } } } }`, { org: org.gid, filter });
  const scenarios: [string, () => Promise<unknown>][] = [
    ['floor: newest 21 review ids (one SQL statement)', () => db.selectFrom('reviews').select('id').where('org_id', '=', org.id).where('deleted_at', 'is', null).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(21).execute()],
    ['inbox: first page of 20', inbox({})],
    ['inbox: unanswered, 1–2 stars', inbox({ unanswered: true, ratings: [1, 2] })],
    ['inbox: suspected fake, one store', inbox({ suspectedFake: true, locationIds: [encodeGlobalID('Location', locationIds[0]!)] })],
    ['inbox: first page with totalCount', inbox({}, true)],
    ['inbox: a store manager (5 stores)', gql(session.value.token, `query($org: ID!) { node(id: $org) { ... on Organization { reviews(first: 20) { edges { node { ${REVIEW} } } } } } }`, { org: org.gid })],
    ['floor: count the 90 days of reviews (one scan)', () => db.selectFrom('reviews').select((eb) => eb.fn.countAll().as('n')).where('org_id', '=', org.id).where('deleted_at', 'is', null).where('created_at', '>=', new Date(now - 90 * 86_400_000)).execute()],
    ['stats: 90 days by week, Tokyo', gql(org.key, `query($org: ID!, $from: DateTime) { node(id: $org) { ... on Organization { reviewStats(filter: { from: $from }, interval: WEEK, timeZone: "Asia/Tokyo") { count averageRating unansweredCount medianResponseSeconds byPlatform { platform count } byLocation { count } series { periodStart count averageRating } } } } }`, { org: org.gid, from: new Date(now - 90 * 86_400_000).toISOString() })],
  ];

  const results: { name: string; p50: number; p99: number }[] = [];
  for (const [name, run] of scenarios) {
    for (let i = 0; i < 20; i++) await run();
    const times: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    results.push({ name, p50: times[Math.floor(times.length * 0.5)]!, p99: times[Math.min(times.length - 1, Math.floor(times.length * 0.99))]! });
  }
  // Each query against the floor above it: the inbox against reading a page of ids, the
  // statistics against one scan of the rows they aggregate.
  process.stdout.write(`\n${ITERATIONS} sequential requests each (after 20 warm-up); ratio = p50 / the p50 of the floor above it\n\n`);
  let floor = results[0]!;
  process.stdout.write(`${'scenario'.padEnd(48)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'ratio'.padStart(7)}\n`);
  for (const r of results) {
    if (r.name.startsWith('floor')) floor = r;
    process.stdout.write(`${r.name.padEnd(48)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)} ${(r.p50 / floor.p50).toFixed(1).padStart(6)}×\n`);
  }
} finally {
  await database.drop();
}

import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateSettings } from '../../src/fraud/admin.ts';
import { createFraudEngine } from '../../src/fraud/engine.ts';
import { createOrgWithKey, startApi, type TestApi, type TestOrg } from '../support/api.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { ALL_MODULES, tokyoOrder } from './support.ts';

let database: TestDatabase;
let api: TestApi;
let org: TestOrg;
let redis: Redis;

beforeAll(async () => {
  database = await createTestDatabase();
  // Nothing listens on port 1: every Redis command fails at once, as in an outage.
  redis = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: true, retryStrategy: () => null });
  redis.on('error', () => {});
  const fraud = createFraudEngine({ db: database.db, redis, hashKey: 'test-fraud-hash-key-with-enough-characters', prefix: 'outage', log: pino({ level: 'silent' }) });
  api = await startApi(database.db, { fraud });
  org = await createOrgWithKey(database.db);
  await updateSettings(database.db, org.id, { modules: ALL_MODULES });
});

afterAll(async () => {
  await api?.close();
  redis?.disconnect();
  await database?.drop();
});

describe('when Redis is unreachable', () => {
  it('answers SERVICE_UNAVAILABLE, stores nothing, and the merchant applies its fallback', async () => {
    const order = tokyoOrder();
    const res = await api.gql(`mutation($input: ScreenOrderInput!) { screenOrder(input: $input) { decision { id } errors { code } } }`, { input: order }, org.key);
    expect(res.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(res.errors?.[0]?.message).toContain('Redis');
    const stored = await database.db.selectFrom('fraud_decisions').select('id').where('external_id', '=', String(order.orderId)).execute();
    expect(stored).toEqual([]);
  });
});

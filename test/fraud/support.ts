import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, expect } from 'vitest';
import { registryNormalizer } from '../../src/fraud/addresses.ts';
import { createFraudEngine, type FraudEngine } from '../../src/fraud/engine.ts';
import { createOrgWithKey, startApi, type TestApi, type TestOrg } from '../support/api.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { REDIS_URL } from '../support/sync.ts';

export const DECISION = `id kind externalId verdict score rulesetVersion replayed
  reasons { ruleId weight message { ja en } evidence { feature value } }
  entities { kind role display hash }
  case { id status }`;

export interface Reason {
  ruleId: string;
  weight: number;
  message: { ja: string; en: string };
  evidence: { feature: string; value: unknown }[];
}

export interface DecisionView {
  id: string;
  kind: string;
  externalId: string;
  verdict: 'OK' | 'REVIEW' | 'NG';
  score: number;
  rulesetVersion: string;
  replayed: boolean;
  reasons: Reason[];
  entities: { kind: string; role: string; display: string; hash: string }[];
  case: { id: string; status: string } | null;
}

export interface FraudSuite {
  database: TestDatabase;
  redis: Redis;
  fraud: FraudEngine;
  api: TestApi;
  /** An organisation with every module on, and an OWNER key. */
  org: TestOrg;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  newOrg(settings?: Record<string, unknown>): Promise<TestOrg>;
  screen(kind: 'Order' | 'Signup' | 'Login' | 'Review', input: Record<string, unknown>, token?: string): Promise<DecisionView>;
}

export const ALL_MODULES = ['LISTINGS', 'REVIEWS', 'ORDERS', 'ACCESS'];

/** A database, a Redis namespace of its own, the fraud engine and the API, for a spec file. */
export function useFraudSuite(options: { addressRegistry?: string } = {}): FraudSuite {
  const suite = {} as FraudSuite;
  beforeAll(async () => {
    suite.database = await createTestDatabase();
    suite.redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    suite.fraud = createFraudEngine({
      db: suite.database.db,
      redis: suite.redis,
      hashKey: 'test-fraud-hash-key-with-enough-characters',
      prefix: `t${randomBytes(6).toString('hex')}`,
      log: pino({ level: 'silent' }),
      normalizeAddress: options.addressRegistry ? registryNormalizer(options.addressRegistry, pino({ level: 'silent' })) : undefined,
    });
    suite.api = await startApi(suite.database.db, { fraud: suite.fraud });
    suite.gql = async (query, variables, token) => {
      const res = await suite.api.gql(query, variables, token ?? suite.org.key);
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      return res.data as never;
    };
    suite.newOrg = async (settings = {}) => {
      const org = await createOrgWithKey(suite.database.db);
      const res = await suite.api.gql(
        `mutation($input: UpdateFraudSettingsInput!) { updateFraudSettings(input: $input) { errors { code message } } }`,
        { input: { organizationId: org.gid, modules: ALL_MODULES, ...settings } },
        org.key,
      );
      expect(res.data.updateFraudSettings.errors).toEqual([]);
      return org;
    };
    suite.screen = async (kind, input, token) => {
      const data = await suite.gql<Record<string, { decision: DecisionView | null; errors: unknown[] }>>(
        `mutation($input: Screen${kind}Input!) { screen${kind}(input: $input) { decision { ${DECISION} } errors { code path message } } }`,
        { input },
        token,
      );
      const payload = data[`screen${kind}`]!;
      expect(payload.errors).toEqual([]);
      return payload.decision!;
    };
    suite.org = await suite.newOrg();
  });
  afterAll(async () => {
    await suite.api?.close();
    suite.redis?.disconnect();
    await suite.database?.drop();
  });
  return suite;
}

export function ruleIds(d: DecisionView): string[] {
  return d.reasons.map((r) => r.ruleId);
}

export function evidence(d: DecisionView, ruleId: string): Record<string, unknown> {
  const reason = d.reasons.find((r) => r.ruleId === ruleId);
  if (!reason) throw new Error(`no reason ${ruleId} in ${JSON.stringify(d.reasons.map((r) => r.ruleId))}`);
  return Object.fromEntries(reason.evidence.map((e) => [e.feature, e.value]));
}

let sequence = 0;
/** A unique id for this run, so specs sharing an organisation never collide. */
export function uid(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${++sequence}`;
}

/** A Japanese customer's order, with fresh identities unless overridden. */
export function tokyoOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const n = uid('o');
  return {
    orderId: n,
    amount: 4800,
    currency: 'JPY',
    paymentMethod: 'CARD',
    billing: {
      name: '山田 太郎',
      email: `taro.${n}@example.co.jp`,
      // 090 numbers whose next digit is 0 do not exist; these do.
      phone: `090${10_000_000 + Math.floor(Math.random() * 89_999_999)}`,
      address: { line: `東京都港区赤坂4-3-${(sequence % 50) + 1}` },
    },
    context: {
      ip: JP_HOME_IP,
      device: { id: `dev-${n}`, userAgent: CHROME_UA, language: 'ja-JP', timezone: 'Asia/Tokyo' },
    },
    ...overrides,
  };
}

export const CHROME_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
export const IPHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
export const HEADLESS_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36';

/** A residential address of a Japanese ISP (SoftBank) in the shipped IP database. */
export const JP_HOME_IP = '126.10.20.30';
/** AWS Tokyo: in Japan, but a data centre. */
export const JP_CLOUD_IP = '13.230.0.1';
/** A Tor exit in the shipped snapshot (Germany). */
export const TOR_IP = '185.220.101.1';

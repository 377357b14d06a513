import { z } from 'zod';
import { quotasSchema } from '../connectors/runtime/manifest.ts';
import { parseKeyring, type Keyring } from './crypto/keyring.ts';

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url().optional())
  .optional();

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: optionalUrl,
  REDIS_URL: optionalUrl,
  DATA_DIR: z.string().default('./.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Peppers API-key hashes so a leaked database alone cannot be used to check guessed keys.
  TENPO_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  GRAPHQL_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(2 * 1024 * 1024),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  // Encrypts platform credentials at rest: `kid:BASE64KEY[,older…]` (src/crypto/keyring.ts).
  TENPO_KEYRING: z.string().optional(),
  // Keys the hashes identities are stored under (src/fraud/identity.ts). Every process of a
  // deployment needs the same one, and changing it orphans every list, flag and shared report.
  TENPO_FRAUD_HASH_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  // A copy of geolonia's japanese-addresses data (the `api/ja` folder) to normalize Japanese
  // addresses against the Address Base Registry; the offline lexical normalizer otherwise.
  // Switching it on changes the identity of addresses typed without their prefecture.
  TENPO_JA_ADDRESS_DATA: z
    .string()
    .regex(/^(https?|file):\/\//, 'an http(s):// or file:// URL of the api/ja folder')
    .optional(),
  // Bull-board and /metrics; unset means the admin UI is off.
  TENPO_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  // Run the queue workers inside the start command's process (scale out with `tenpo worker`).
  WORKERS: z.enum(['on', 'off']).default('on'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(16),
  // How long a job stays locked to a worker that stops renewing the lock (it died): the others
  // take the job up within about this long. A live worker renews it every half of this.
  WORKER_LOCK_MS: z.coerce.number().int().min(1_000).max(10 * 60_000).default(60_000),
  // Namespaces every BullMQ and rate-limit key, so deployments (and test runs) can share a Redis.
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/).default('tenpo'),
  PLATFORM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(20_000),
  READ_BACK_EVERY_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(360),
  // Feed platforms take one file per connection: changes collect this long before it is written.
  FEED_DELAY_SECONDS: z.coerce.number().int().min(0).max(24 * 3600).default(60),
  FEED_REPORT_EVERY_SECONDS: z.coerce.number().int().min(1).max(24 * 3600).default(300),
  // Reviews: how often each connection is pulled from its bookmark, and how often every listing
  // is read in full to notice reviews deleted on the platform.
  REVIEW_PULL_EVERY_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  REVIEW_SWEEP_EVERY_HOURS: z.coerce.number().int().min(1).max(30 * 24).default(24),
  // Raised quotas a platform granted this deployment, per connector id, e.g.
  // {"google":{"requestsPerMinute":3000}}; merged over the connector manifest's defaults.
  TENPO_PLATFORM_QUOTAS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return {};
      try {
        return z.record(z.string(), quotasSchema).parse(JSON.parse(v));
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: `must be JSON like {"google":{"requestsPerMinute":3000}}: ${err instanceof Error ? err.message : String(err)}` });
        return z.NEVER;
      }
    }),
  // App credentials and sandbox URLs of the deep connectors, per connector id (src/platforms/deep.ts).
  TENPO_CONNECTOR_CONFIG: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return {};
      try {
        return z.record(z.string(), z.record(z.string(), z.string())).parse(JSON.parse(v));
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: `must be JSON like {"yahoo-place-jp":{"appId":"…"}}: ${err instanceof Error ? err.message : String(err)}` });
        return z.NEVER;
      }
    }),
  GOOGLE_OAUTH_CLIENT_ID: z.string().optional(),
  GOOGLE_OAUTH_CLIENT_SECRET: z.string().optional(),
  // Overrides for a proxy or a local fake of Google's APIs; Google's own endpoints otherwise.
  GOOGLE_API_ROOT_URL: optionalUrl,
  GOOGLE_OAUTH_TOKEN_URL: optionalUrl,
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Parses configuration from a source (process.env by default); lists every problem at once. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(source);
  const problems = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  // Checked beside the schema rather than in it, so it is listed even when other fields fail.
  if (source.NODE_ENV === 'production' && !source.TENPO_SECRET) problems.push('TENPO_SECRET: required when NODE_ENV=production');
  if (source.NODE_ENV === 'production' && !source.TENPO_KEYRING) problems.push('TENPO_KEYRING: required when NODE_ENV=production (generate one with `tenpo keyring:new`)');
  if (source.NODE_ENV === 'production' && !source.TENPO_FRAUD_HASH_KEY) problems.push('TENPO_FRAUD_HASH_KEY: required when NODE_ENV=production (32+ random characters, e.g. `openssl rand -base64 48`)');
  if (source.TENPO_KEYRING) {
    try {
      parseKeyring(source.TENPO_KEYRING);
    } catch (err) {
      problems.push(`TENPO_KEYRING: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (!result.success || problems.length > 0) throw new EnvError(problems);
  return result.data;
}

let cached: Env | undefined;

/** The process configuration, parsed once. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/** The secret used to pepper hashes; a fixed development value outside production. */
export function secret(e: Env = env()): string {
  return e.TENPO_SECRET ?? 'tenpo-development-secret-not-for-production';
}

// A fixed key outside production, so credentials saved by `npm start` stay readable across
// restarts of a development machine; production refuses to start without TENPO_KEYRING.
const DEVELOPMENT_KEYRING = `dev:${Buffer.from('tenpo-development-keyring-32byte').toString('base64')}`;

/** The keyring that seals platform credentials. */
export function keyring(e: Env = env()): Keyring {
  return parseKeyring(e.TENPO_KEYRING ?? DEVELOPMENT_KEYRING);
}

/** The key identities are hashed under; a fixed development value outside production. */
export function fraudHashKey(e: Env = env()): string {
  return e.TENPO_FRAUD_HASH_KEY ?? 'tenpo-development-fraud-hash-key-not-for-production';
}

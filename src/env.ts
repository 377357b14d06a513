import { z } from 'zod';

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

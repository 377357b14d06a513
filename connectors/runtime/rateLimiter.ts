import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Platform quotas are per project/app, not per process, so every worker reserves from the same
 * Redis. Algorithm: a sliding window log (one sorted-set entry per grant, scored by time), not
 * a GCRA. A GCRA stores one number per key, but with a burst of N it admits up to 2N-1 calls in
 * some 60-second span (burst at t, then one per interval); platforms such as Google count calls
 * per minute and answer 429 when we go over, so we want the hard guarantee "never more than N in
 * any window". The log's cost is memory bounded by the limit (10,000 entries for a 10k/day
 * quota, about 0.5 MB), which is acceptable for the few per-project day keys we hold.
 *
 * Check-and-record runs as one Lua script, so concurrent reservers cannot both take the last
 * slot. Unless a clock is injected (tests), time is Redis's own TIME, so workers whose clocks
 * drift still agree on one timeline. Every key gets a TTL of its window (or the penalty), so
 * idle keys disappear on their own.
 */

export type Reservation = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateLimits {
  perMinute?: number;
  perDay?: number;
}

export interface RateLimiter {
  /**
   * Takes one slot under every given limit, or none and says how long until one frees up.
   * `now` is for tests: callers injecting it must share one monotone clock, since a caller whose
   * clock lags could take a slot that a faster clock's call already freed. Default: Redis TIME.
   */
  reserve(key: string, limits: RateLimits, now?: number): Promise<Reservation>;
  /**
   * Honours a platform's 429 / Retry-After: no reservation on `key` succeeds until
   * now + retryAfterMs. A later deadline wins; an earlier one never shortens a penalty.
   */
  penalize(key: string, retryAfterMs: number, now?: number): Promise<void>;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// KEYS: minute log, day log, penalty. ARGV: now ('' = Redis TIME), perMinute, perDay (0 = no
// limit), unique member. Returns 0 when granted, else milliseconds to wait.
const RESERVE = `
local now = tonumber(ARGV[1])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local blockedUntil = tonumber(redis.call('GET', KEYS[3]) or '0')
if blockedUntil > now then return blockedUntil - now end
local windows = { { KEYS[1], tonumber(ARGV[2]), ${MINUTE_MS} }, { KEYS[2], tonumber(ARGV[3]), ${DAY_MS} } }
local wait = 0
for _, w in ipairs(windows) do
  local key, limit, span = w[1], w[2], w[3]
  if limit > 0 then
    -- an entry at t occupies [t, t + span): drop those whose window has passed
    redis.call('ZREMRANGEBYSCORE', key, '-inf', now - span)
    local count = redis.call('ZCARD', key)
    if count >= limit then
      -- count - limit + 1 entries must leave before a slot opens; the last of them decides
      local e = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
      wait = math.max(wait, tonumber(e[2]) + span - now)
    end
  end
end
if wait > 0 then return wait end
for _, w in ipairs(windows) do
  if w[2] > 0 then
    redis.call('ZADD', w[1], now, ARGV[4])
    redis.call('PEXPIRE', w[1], w[3])
  end
end
return 0
`;

// KEYS: penalty. ARGV: now ('' = Redis TIME), retryAfterMs. Keeps the later deadline.
const PENALIZE = `
local now = tonumber(ARGV[1])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local untilMs = now + tonumber(ARGV[2])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if untilMs > current then
  redis.call('SET', KEYS[1], untilMs, 'PX', tonumber(ARGV[2]))
end
return untilMs
`;

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');
const SCRIPTS = { reserve: { lua: RESERVE, sha: sha1(RESERVE) }, penalize: { lua: PENALIZE, sha: sha1(PENALIZE) } };

/** EVALSHA, loading the script on first use per Redis (NOSCRIPT) without redefining commands on the caller's client. */
async function run(redis: Redis, script: { lua: string; sha: string }, keys: string[], args: (string | number)[]): Promise<unknown> {
  try {
    return await redis.evalsha(script.sha, keys.length, ...keys, ...args);
  } catch (err) {
    if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
    return await redis.eval(script.lua, keys.length, ...keys, ...args);
  }
}

function checkLimit(name: string, value: number | undefined): number {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

function checkNow(now: number | undefined): string {
  if (now === undefined) return '';
  if (!Number.isFinite(now)) throw new RangeError(`now must be a finite number of milliseconds, got ${now}`);
  return String(Math.floor(now));
}

export function createRateLimiter(redis: Redis, options: { prefix: string }): RateLimiter {
  // The {hash tag} keeps a key's three Redis keys in one Cluster slot, as a script requires.
  const keysOf = (key: string) => {
    const base = `${options.prefix}:{${key}}`;
    return { minute: `${base}:m`, day: `${base}:d`, penalty: `${base}:p` };
  };

  return {
    async reserve(key, limits, now) {
      const perMinute = checkLimit('perMinute', limits.perMinute);
      const perDay = checkLimit('perDay', limits.perDay);
      const k = keysOf(key);
      // Members must be unique or two grants in the same millisecond would count as one.
      const member = `${checkNow(now) || 't'}:${randomBytes(8).toString('base64url')}`;
      const wait = Number(await run(redis, SCRIPTS.reserve, [k.minute, k.day, k.penalty], [checkNow(now), perMinute, perDay, member]));
      return wait > 0 ? { ok: false, retryAfterMs: wait } : { ok: true };
    },

    async penalize(key, retryAfterMs, now) {
      if (!Number.isFinite(retryAfterMs) || retryAfterMs <= 0) return; // nothing to wait for
      await run(redis, SCRIPTS.penalize, [keysOf(key).penalty], [checkNow(now), Math.ceil(retryAfterMs)]);
    },
  };
}

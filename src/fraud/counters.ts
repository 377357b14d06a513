import type { Redis } from 'ioredis';

/**
 * Everything the engine keeps in Redis for one screening is read and written by one script
 * call: one round trip, and atomic, so two concurrent orders from one device both see each
 * other. Every key of a call carries the organisation as a hash tag, so on Redis Cluster they
 * share a slot.
 */
export type CounterOp =
  /** Add `member` at now to a sorted set (unless null: count only) and count members per
   * trailing window (ms). Events use a unique member, so a retried screening does not count
   * twice; links use the linked identity, which makes the count a distinct count. */
  | { op: 'window'; key: string; member: string | null; windowsMs: number[]; ttlSeconds: number }
  /** Store `value` (unless null: read only) and return what was there before. */
  | { op: 'swap'; key: string; value: string | null; ttlSeconds: number }
  /** Running mean and variance of a number (Welford), returned as they were before `value`. */
  | { op: 'stats'; key: string; value: number; ttlSeconds: number }
  /** Locality-sensitive-hash buckets: remember `member` (with `payload`) under each band key and
   * return the payloads of the most recent other members sharing any band. */
  | { op: 'bands'; keys: string[]; payloadKey: string; member: string; payload: string; cap: number; ttlSeconds: number };

export type CounterResult =
  /** `added`: the member was not in the set before (a first sighting). */
  | { op: 'window'; added: boolean; counts: number[] }
  | { op: 'swap'; previous: string | null }
  | { op: 'stats'; n: number; mean: number; variance: number }
  | { op: 'bands'; neighbours: string[] };

// Members per set are capped, so a hot IP cannot grow a key without bound; counts saturate there.
const MAX_MEMBERS = 5000;

const SCRIPT = `
local now = tonumber(ARGV[1])
local ops = cjson.decode(ARGV[2])
local out = {}
for i, o in ipairs(ops) do
  if o.t == 'w' then
    local key = KEYS[o.k]
    local added = 0
    if o.m ~= '' then added = redis.call('ZADD', key, now, o.m) end
    local longest = 0
    for _, w in ipairs(o.w) do if w > longest then longest = w end end
    redis.call('ZREMRANGEBYSCORE', key, '-inf', now - longest - 1)
    redis.call('ZREMRANGEBYRANK', key, 0, -${MAX_MEMBERS + 1})
    redis.call('EXPIRE', key, o.ttl)
    local counts = { added }
    for j, w in ipairs(o.w) do counts[j + 1] = redis.call('ZCOUNT', key, now - w, '+inf') end
    out[i] = counts
  elseif o.t == 's' then
    local key = KEYS[o.k]
    local previous = redis.call('GET', key)
    if o.v ~= '' then redis.call('SET', key, o.v, 'EX', o.ttl) end
    out[i] = { previous }
  elseif o.t == 'm' then
    local key = KEYS[o.k]
    local h = redis.call('HMGET', key, 'n', 'mean', 'm2')
    local n = tonumber(h[1]) or 0
    local mean = tonumber(h[2]) or 0
    local m2 = tonumber(h[3]) or 0
    local n1 = n + 1
    local delta = o.v - mean
    local mean1 = mean + delta / n1
    local m21 = m2 + delta * (o.v - mean1)
    redis.call('HSET', key, 'n', n1, 'mean', tostring(mean1), 'm2', tostring(m21))
    redis.call('EXPIRE', key, o.ttl)
    out[i] = { tostring(n), tostring(mean), tostring(m2) }
  elseif o.t == 'b' then
    local seen = {}
    local members = {}
    for _, k in ipairs(o.ks) do
      local key = KEYS[k]
      for _, m in ipairs(redis.call('ZREVRANGE', key, 0, o.cap - 1)) do
        if m ~= o.m and not seen[m] then seen[m] = true; members[#members + 1] = m end
      end
      redis.call('ZADD', key, now, o.m)
      redis.call('ZREMRANGEBYRANK', key, 0, -o.cap - 1)
      redis.call('EXPIRE', key, o.ttl)
    end
    local pk = KEYS[o.p]
    local payloads = {}
    if #members > 0 then
      for _, v in ipairs(redis.call('HMGET', pk, unpack(members))) do
        if v then payloads[#payloads + 1] = v end
      end
    end
    redis.call('HSET', pk, o.m, o.v)
    redis.call('EXPIRE', pk, o.ttl)
    out[i] = payloads
  end
end
return out
`;

/** Redis could not be reached: the screening cannot be decided, and the caller is told so. */
export class CountersUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`fraud counters unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'CountersUnavailableError';
  }
}

interface CountersRedis extends Redis {
  tenpoFraudCounters(numKeys: number, ...args: string[]): Promise<unknown[]>;
}

export interface Counters {
  run(ops: CounterOp[], now: number): Promise<CounterResult[]>;
}

export function createCounters(redis: Redis): Counters {
  redis.defineCommand('tenpoFraudCounters', { lua: SCRIPT });
  const client = redis as CountersRedis;
  return {
    async run(ops, now) {
      if (ops.length === 0) return [];
      const keys: string[] = [];
      const index = (key: string) => keys.push(key);
      const encoded = ops.map((o) => {
        switch (o.op) {
          case 'window':
            return { t: 'w', k: index(o.key), m: o.member ?? '', w: o.windowsMs, ttl: o.ttlSeconds };
          case 'swap':
            return { t: 's', k: index(o.key), v: o.value ?? '', ttl: o.ttlSeconds };
          case 'stats':
            return { t: 'm', k: index(o.key), v: o.value, ttl: o.ttlSeconds };
          case 'bands':
            return { t: 'b', ks: o.keys.map(index), p: index(o.payloadKey), m: o.member, v: o.payload, cap: o.cap, ttl: o.ttlSeconds };
        }
      });
      let raw: unknown[];
      try {
        raw = await client.tenpoFraudCounters(keys.length, ...keys, String(now), JSON.stringify(encoded));
      } catch (err) {
        throw new CountersUnavailableError(err);
      }
      return ops.map((o, i): CounterResult => {
        const r = (raw[i] ?? []) as unknown[];
        switch (o.op) {
          case 'window':
            return { op: 'window', added: Number(r[0]) === 1, counts: r.slice(1).map(Number) };
          case 'swap':
            return { op: 'swap', previous: typeof r[0] === 'string' ? r[0] : null };
          case 'stats': {
            const n = Number(r[0]);
            return { op: 'stats', n, mean: Number(r[1]), variance: n > 1 ? Number(r[2]) / (n - 1) : 0 };
          }
          case 'bands':
            return { op: 'bands', neighbours: r.map(String) };
        }
      });
    },
  };
}

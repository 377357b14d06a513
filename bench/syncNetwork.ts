/**
 * bench:sync with NETWORK=1: beside Google, every other platform of the catalog is connected for
 * the same organisation: the other deep connectors to their fakes (syncDeep.ts), publisher-protocol
 * and feed platforms to one fake partner process (an account per platform), aggregator-fed and
 * manual platforms with no credentials. A sync run then covers every (store, platform) pair: per-listing deliveries,
 * feed files with their reports, aggregator statuses and manual tasks.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Queue } from 'bullmq';
import { sql } from 'kysely';
import type { Access } from '../src/auth/access.ts';
import type { JsonValue } from '../connectors/runtime/connector.ts';
import type { Db } from '../src/db/database.ts';
import type { Engine } from '../src/listings/engine.ts';
import { connectPlatform } from '../src/platforms/service.ts';
import type { Child } from './syncChildren.ts';
import type { DeepConnection } from './syncDeep.ts';

export interface NetworkSetup {
  platforms: string[];
  byDelivery: Record<string, number>;
  seconds: number;
  statuses: Record<string, number>;
}

async function backlog(queue: Queue): Promise<number> {
  const c = await queue.getJobCounts('waiting', 'active', 'prioritized', 'delayed');
  return Object.values(c).reduce((a, b) => a + b, 0);
}

/**
 * Listing statuses of the given platforms, per platform, with one reason where a listing is not
 * IN_SYNC: "IN_SYNC 12, ACTION_REQUIRED 8 (…)".
 */
export async function statusesByPlatform(db: Db, orgId: string, platforms: string[]): Promise<Record<string, string>> {
  if (platforms.length === 0) return {};
  const rows = await db
    .selectFrom('listings')
    .select([
      'platform',
      'status',
      sql<string>`count(*)`.as('n'),
      sql<string | null>`min(coalesce(status_reason, problems::text, last_error::text))`.as('reason'),
    ])
    .where('org_id', '=', orgId)
    .where('platform', 'in', platforms)
    .groupBy(['platform', 'status'])
    .orderBy('platform')
    .orderBy('status')
    .execute();
  const out: Record<string, string> = {};
  for (const r of rows) {
    const reason = r.status !== 'IN_SYNC' && r.reason && r.reason !== '[]' ? ` (${r.reason.slice(0, 160)})` : '';
    out[r.platform] = `${out[r.platform] ? `${out[r.platform]}, ` : ''}${r.status} ${r.n}${reason}`;
  }
  return out;
}

export async function listingStatuses(db: Db, orgId: string): Promise<Record<string, number>> {
  const rows = await db.selectFrom('listings').select(['status', sql<string>`count(*)`.as('n')]).where('org_id', '=', orgId).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Waits until no listing is PENDING and the sync and feed queues are drained. */
export async function networkSettled(engine: Engine, orgId: string, timeoutMs: number): Promise<Record<string, number>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const statuses = await listingStatuses(engine.db, orgId);
    const busy = (await backlog(engine.queues.get('sync'))) + (await backlog(engine.queues.get('feeds')));
    if (!statuses.PENDING && busy === 0) return statuses;
    if (Date.now() > deadline) throw new Error(`the network did not settle: ${JSON.stringify(statuses)}, ${busy} jobs queued`);
    await sleep(500);
  }
}

export async function connectNetwork(
  engine: Engine,
  access: Access,
  orgId: string,
  fakes: { partner: Child; deep: DeepConnection[] },
  timeoutMs: number,
): Promise<NetworkSetup> {
  const { url } = fakes.partner.ready as { url: string };
  const platforms = engine.registry.ids().filter((id) => id !== 'google');
  const keyOf = (id: string) => `bench-key-${id}`;
  await fakes.partner.request('addKeys', { keys: platforms.map(keyOf) });
  const byDelivery: Record<string, number> = {};
  const t0 = performance.now();
  for (const id of platforms) {
    const deep = fakes.deep.find((d) => d.platform === id);
    const kind = deep ? 'deep connector' : engine.registry.get(id)!.manifest.delivery.kind;
    byDelivery[kind] = (byDelivery[kind] ?? 0) + 1;
    const http = kind === 'publisher' || kind === 'feed';
    const input = deep
      ? { account: deep.account, credentials: deep.credentials, settings: deep.settings as Record<string, JsonValue> }
      : { account: null, credentials: http ? { apiKey: keyOf(id) } : {}, settings: http ? { endpoint: url } : {} };
    const connected = await connectPlatform(engine, access, { orgId, platform: id, ...input });
    if (!connected.ok) throw new Error(`connectPlatform ${id}: ${JSON.stringify(connected.errors)}`);
  }
  const missing = fakes.deep.filter((d) => !platforms.includes(d.platform)).map((d) => d.platform);
  if (missing.length) throw new Error(`deep connectors not configured in the bench's registry: ${missing.join(', ')}`);
  const statuses = await networkSettled(engine, orgId, timeoutMs);
  return { platforms, byDelivery, seconds: (performance.now() - t0) / 1000, statuses };
}

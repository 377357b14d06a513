/**
 * bench:sync with NETWORK=1: beside Google, every other platform of the catalog this deployment
 * can reach is connected for the same organisation: publisher-protocol and feed platforms to one
 * fake partner process (an account per platform), aggregator-fed and manual platforms with no
 * credentials. A sync run then covers every (store, platform) pair: per-listing deliveries,
 * feed files with their reports, aggregator statuses and manual tasks.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Queue } from 'bullmq';
import { sql } from 'kysely';
import type { Access } from '../src/auth/access.ts';
import type { Db } from '../src/db/database.ts';
import type { Engine } from '../src/listings/engine.ts';
import { connectPlatform } from '../src/platforms/service.ts';
import type { Child } from './syncChildren.ts';

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

export async function connectNetwork(engine: Engine, access: Access, orgId: string, partner: Child, timeoutMs: number): Promise<NetworkSetup> {
  const { url } = partner.ready as { url: string };
  const platforms = engine.registry.ids().filter((id) => id !== 'google');
  const keyOf = (id: string) => `bench-key-${id}`;
  await partner.request('addKeys', { keys: platforms.map(keyOf) });
  const byDelivery: Record<string, number> = {};
  const t0 = performance.now();
  for (const id of platforms) {
    const kind = engine.registry.get(id)!.manifest.delivery.kind;
    byDelivery[kind] = (byDelivery[kind] ?? 0) + 1;
    const http = kind === 'publisher' || kind === 'feed';
    const connected = await connectPlatform(engine, access, {
      orgId,
      platform: id,
      account: null,
      credentials: http ? { apiKey: keyOf(id) } : {},
      settings: http ? { endpoint: url } : {},
    });
    if (!connected.ok) throw new Error(`connectPlatform ${id}: ${JSON.stringify(connected.errors)}`);
  }
  const statuses = await networkSettled(engine, orgId, timeoutMs);
  return { platforms, byDelivery, seconds: (performance.now() - t0) / 1000, statuses };
}

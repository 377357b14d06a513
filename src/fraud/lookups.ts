import { sql } from 'kysely';
import { preparedName, type Db } from '../db/database.ts';
import type { AddressKind, EntityKind } from './model.ts';

/**
 * What PostgreSQL knows about a screening's identities, read in one round trip. Lists apply as
 * they stand now, whatever time the screening says it happened: an old `occurredAt` must not
 * slip past a block.
 */
export interface Lookups {
  blockedKinds: Set<EntityKind>;
  allowed: boolean;
  /** Other organisations that reported one of the identities, and the modules they saw it in. */
  sharedOrgs: Set<string>;
  sharedModules: Set<string>;
  confirmed: boolean;
  /** Per module, the NG decisions behind the most-flagged of the identities (one decision flags all its identities, so they are not added up). */
  flaggedByModule: Map<string, number>;
  /** Addresses the organisation marked as a known kind, by premises key. */
  addressKinds: Map<string, AddressKind>;
}

export async function lookup(
  db: Db,
  orgId: string,
  hashes: string[],
  premisesKeys: string[],
  readShared: boolean,
): Promise<Lookups> {
  const result: Lookups = {
    blockedKinds: new Set(),
    allowed: false,
    sharedOrgs: new Set(),
    sharedModules: new Set(),
    confirmed: false,
    flaggedByModule: new Map(),
    addressKinds: new Map(),
  };
  if (hashes.length === 0 && premisesKeys.length === 0) return result;
  const { rows } = await sql<{ src: string; a: string; b: string; n: number }>`${sql.raw(preparedName('fraud_lookup'))}
    select 'L' as src, list as a, kind as b, 0 as n from fraud_list_entries
     where org_id = ${orgId} and key_hash = any(${hashes}::text[])
       and starts_at <= now() and (expires_at is null or expires_at > now())
    union all
    select 'F', module, case when confirmed then 'C' else '' end, flagged from fraud_entity_flags
     where org_id = ${orgId} and key_hash = any(${hashes}::text[])
    union all
    select 'S', module, org_id::text, 0 from fraud_shared_negatives
     where ${readShared} and key_hash = any(${hashes}::text[]) and org_id <> ${orgId}
    union all
    select 'A', kind, premises_key, 0 from fraud_address_kinds
     where org_id = ${orgId} and premises_key = any(${premisesKeys}::text[])
  `.execute(db);
  for (const row of rows) {
    switch (row.src) {
      case 'L':
        if (row.a === 'BLOCK') result.blockedKinds.add(row.b as EntityKind);
        else result.allowed = true;
        break;
      case 'F':
        if (row.b === 'C') result.confirmed = true;
        result.flaggedByModule.set(row.a, Math.max(result.flaggedByModule.get(row.a) ?? 0, Number(row.n)));
        break;
      case 'S':
        result.sharedModules.add(row.a);
        result.sharedOrgs.add(row.b);
        break;
      case 'A':
        result.addressKinds.set(row.b, row.a as AddressKind);
        break;
    }
  }
  return result;
}

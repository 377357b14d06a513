import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { JsonValue, Projection } from '../../connectors/runtime/connector.ts';
import type { Db } from '../db/database.ts';
import type { ListingRow } from '../db/schema.ts';
import type { LocationField } from '../locations/model.ts';

/**
 * Platform-side edits (Google's diffMask) awaiting a decision, one open suggestion per
 * (listing, projection key). A newer platform value replaces the open one's; a key the platform
 * no longer flags closes as SUPERSEDED.
 */
export async function recordPlatformEdits(
  db: Db,
  listing: ListingRow,
  edits: Projection,
  ours: Projection,
  fields: Readonly<Record<string, readonly LocationField[]>>,
): Promise<void> {
  const keys = Object.keys(edits);
  for (const key of keys) {
    const platformValue = JSON.stringify(edits[key] ?? null);
    const ourValue = JSON.stringify((ours[key] as JsonValue | undefined) ?? null);
    await sql`
      insert into suggested_edits (id, org_id, listing_id, location_id, projection_key, fields, platform_value, our_value, status)
      values (${randomUUID()}, ${listing.org_id}, ${listing.id}, ${listing.location_id}, ${key}, ${JSON.stringify(fields[key] ?? [])}::jsonb,
              ${platformValue}::jsonb, ${ourValue}::jsonb, 'OPEN')
      on conflict (listing_id, projection_key) where status = 'OPEN'
      do update set platform_value = excluded.platform_value, our_value = excluded.our_value`.execute(db);
  }
  await db
    .updateTable('suggested_edits')
    .set({ status: 'SUPERSEDED', decided_at: new Date() })
    .where('listing_id', '=', listing.id)
    .where('status', '=', 'OPEN')
    .$if(keys.length > 0, (q) => q.where('projection_key', 'not in', keys))
    .execute();
}

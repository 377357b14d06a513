import { sql, type Kysely } from 'kysely';

// The sync engine's tables: connections to platform accounts, one listing per (location,
// connection) with its delivered state, platform-side edits awaiting a decision, and sync runs.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('platform_connections')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('external_account', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('ACTIVE', 'ACTION_REQUIRED', 'DISCONNECTED')`))
    .addColumn('status_message', 'text')
    // AES-256-GCM sealed JSON, bound to the row id (src/crypto/keyring.ts); never in job data.
    .addColumn('credentials', 'text', (c) => c.notNull())
    .addColumn('settings', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // Set once the account's existing listings were linked to stores; until then no listing is created.
    .addColumn('linked_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('platform_connections_account_key', ['org_id', 'platform', 'external_account'])
    .execute();

  await db.schema
    .createTable('listings')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'uuid', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('connection_id', 'uuid', (c) => c.notNull().references('platform_connections.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('IN_SYNC', 'PENDING', 'SUBMITTED', 'ACTION_REQUIRED', 'NOT_ELIGIBLE', 'FAILED')`),
    )
    .addColumn('platform_listing_id', 'text')
    .addColumn('public_url', 'text')
    .addColumn('field_status', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // The projection as last delivered, key by key: the base of the next field-level diff.
    .addColumn('delivered_state', 'jsonb')
    .addColumn('delivered_hash', 'text')
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('delivered_version', 'integer')
    // Projection keys to send again even though our side did not change (drift, rejected edits).
    .addColumn('force_keys', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('problems', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('last_error', 'jsonb')
    .addColumn('attempted_at', 'timestamptz')
    .addColumn('read_back_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('listings_location_connection_key', ['location_id', 'connection_id'])
    .addUniqueConstraint('listings_platform_listing_key', ['connection_id', 'platform_listing_id'])
    .execute();
  await db.schema.createIndex('listings_connection_idx').on('listings').columns(['connection_id', 'status']).execute();

  await db.schema
    .createTable('suggested_edits')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('listing_id', 'uuid', (c) => c.notNull().references('listings.id').onDelete('cascade'))
    .addColumn('location_id', 'uuid', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('projection_key', 'text', (c) => c.notNull())
    .addColumn('fields', 'jsonb', (c) => c.notNull())
    .addColumn('platform_value', 'jsonb')
    .addColumn('our_value', 'jsonb')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('OPEN', 'ACCEPTED', 'REJECTED', 'SUPERSEDED')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'text')
    .execute();
  await db.schema
    .createIndex('suggested_edits_open_key')
    .on('suggested_edits')
    .columns(['listing_id', 'projection_key'])
    .unique()
    .where(sql.ref('status'), '=', 'OPEN')
    .execute();
  await db.schema.createIndex('suggested_edits_location_idx').on('suggested_edits').columns(['location_id', 'status']).execute();

  await db.schema
    .createTable('sync_runs')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('filter', 'jsonb', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('sync_runs_org_idx').on('sync_runs').columns(['org_id', 'created_at']).execute();

  await db.schema
    .createTable('sync_run_items')
    .addColumn('run_id', 'uuid', (c) => c.notNull().references('sync_runs.id').onDelete('cascade'))
    .addColumn('listing_id', 'uuid', (c) => c.notNull().references('listings.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('outcome', 'text', (c) =>
      c.check(sql`outcome in ('DELIVERED', 'UNCHANGED', 'FAILED', 'ACTION_REQUIRED', 'NOT_ELIGIBLE')`),
    )
    .addColumn('finished_at', 'timestamptz')
    .addPrimaryKeyConstraint('sync_run_items_pk', ['run_id', 'listing_id'])
    .execute();
  await db.schema
    .createIndex('sync_run_items_pending_idx')
    .on('sync_run_items')
    .column('listing_id')
    .where(sql.ref('outcome'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['sync_run_items', 'sync_runs', 'suggested_edits', 'listings', 'platform_connections']) {
    await db.schema.dropTable(table).execute();
  }
}

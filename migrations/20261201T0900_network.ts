import { sql, type Kysely } from 'kysely';

// The platform network: listings say why they have the status they have (delivered through an
// aggregator, waiting in a feed, confirmed by a person), feeds are tracked per file, and a
// listing a person submitted by hand records who confirmed it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('feed_submissions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('connection_id', 'uuid', (c) => c.notNull().references('platform_connections.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('platform_submission_id', 'text')
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('PROCESSING', 'DONE', 'FAILED')`))
    .addColumn('accepted', 'integer')
    .addColumn('rejected', 'integer')
    .addColumn('message', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('reported_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('feed_submissions_connection_idx').on('feed_submissions').columns(['connection_id', 'created_at']).execute();
  await db.schema
    .alterTable('listings')
    .addColumn('status_reason', 'text')
    .addColumn('feed_submission_id', 'uuid', (c) => c.references('feed_submissions.id').onDelete('set null'))
    .addColumn('confirmed_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('confirmed_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('listings').dropColumn('status_reason').dropColumn('feed_submission_id').dropColumn('confirmed_by').dropColumn('confirmed_at').execute();
  await db.schema.dropTable('feed_submissions').execute();
}

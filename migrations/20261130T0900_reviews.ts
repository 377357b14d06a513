import { sql, type Kysely } from 'kysely';

// Reviews pulled from the platforms, the replies written in Tenpo, reply templates and the
// approval rule. A review is keyed by the platform's own id, so a pull repeated after a crash
// updates the rows it already wrote instead of adding new ones.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reviews')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'uuid', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('listing_id', 'uuid', (c) => c.references('listings.id').onDelete('set null'))
    .addColumn('connection_id', 'uuid', (c) => c.references('platform_connections.id').onDelete('set null'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('platform_review_id', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text')
    .addColumn('author_anonymous', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('author_platform_id', 'text')
    .addColumn('author_photo_url', 'text')
    .addColumn('rating_stars', 'smallint', (c) => c.check(sql`rating_stars between 1 and 5`))
    .addColumn('rating_recommends', 'boolean')
    .addColumn('text', 'text')
    .addColumn('language', 'text')
    .addColumn('media', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('url', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('first_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // A hash of what the platform shows: a pull that re-reads an unchanged review writes nothing.
    .addColumn('content_hash', 'text', (c) => c.notNull())
    // The reply as the platform shows it, whoever wrote it; answered_at is when it first appeared.
    .addColumn('platform_reply_text', 'text')
    .addColumn('platform_reply_at', 'timestamptz')
    .addColumn('answered_at', 'timestamptz')
    .addColumn('fraud_decision_id', 'uuid', (c) => c.references('fraud_decisions.id').onDelete('set null'))
    .addColumn('fraud_verdict', 'text', (c) => c.check(sql`fraud_verdict in ('OK', 'REVIEW', 'NG')`))
    .addColumn('fraud_score', 'smallint')
    .addColumn('report_state', 'text', (c) => c.notNull().defaultTo('NOT_REPORTED').check(sql`report_state in ('NOT_REPORTED', 'TO_REPORT_MANUALLY', 'REPORTED')`))
    .addColumn('report_reason', 'text')
    .addColumn('reported_at', 'timestamptz')
    .addColumn('reported_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addUniqueConstraint('reviews_platform_key', ['org_id', 'platform', 'platform_review_id'])
    .execute();
  await db.schema.createIndex('reviews_org_created_idx').on('reviews').columns(['org_id', 'created_at desc', 'id desc']).execute();
  // The inbox most opened: what still waits for an answer, newest first.
  await sql`create index reviews_unanswered_idx on reviews (org_id, created_at desc, id desc) where answered_at is null and deleted_at is null`.execute(db);
  await db.schema.createIndex('reviews_location_created_idx').on('reviews').columns(['location_id', 'created_at desc']).execute();
  await db.schema.createIndex('reviews_listing_idx').on('reviews').column('listing_id').execute();

  await db.schema
    .createTable('review_replies')
    .addColumn('review_id', 'uuid', (c) => c.primaryKey().references('reviews.id').onDelete('cascade'))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('DRAFT', 'PENDING_APPROVAL', 'SENDING', 'PUBLISHED', 'FAILED', 'DELETING')`),
    )
    // Bumped by every change; a send job carries the version it was made for and does nothing
    // when the reply has moved on, so an old job never publishes a superseded text.
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    // null: written on the platform itself, seen by a pull.
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    // Why the approval rule held the reply, in Japanese and English ({ ja, en }).
    .addColumn('approval_reason', 'jsonb')
    .addColumn('approved_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('rejection_reason', 'text')
    .addColumn('failure_reason', 'text')
    .addColumn('published_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Every reply published through Tenpo: the platform's per-listing daily limits are counted here.
  await db.schema
    .createTable('review_reply_sends')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('review_id', 'uuid', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('location_id', 'uuid', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('review_reply_sends_quota_idx').on('review_reply_sends').columns(['location_id', 'platform', 'sent_at']).execute();

  await db.schema
    .createTable('reply_templates')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // Star ratings the template suits; empty: any.
    .addColumn('ratings', sql`smallint[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('reply_templates_name_key', ['org_id', 'language', 'name'])
    .execute();

  await db.schema
    .createTable('review_settings')
    .addColumn('org_id', 'uuid', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    // Replies to ratings at or below this need an approver; null: no approval.
    .addColumn('approval_max_rating', 'smallint', (c) => c.check(sql`approval_max_rating between 1 and 5`))
    .addColumn('approval_roles', sql`text[]`, (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // The pull bookmark: reviews updated before it were read by an earlier pull.
  await db.schema.alterTable('platform_connections').addColumn('reviews_bookmark', 'timestamptz').execute();
  await db.schema.alterTable('platform_connections').addColumn('reviews_pulled_at', 'timestamptz').execute();
  // When every review of the listing was last read (the backfill, then the sweep for deletions).
  await db.schema.alterTable('listings').addColumn('reviews_swept_at', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('listings').dropColumn('reviews_swept_at').execute();
  await db.schema.alterTable('platform_connections').dropColumn('reviews_pulled_at').execute();
  await db.schema.alterTable('platform_connections').dropColumn('reviews_bookmark').execute();
  for (const table of ['review_settings', 'reply_templates', 'review_reply_sends', 'review_replies', 'reviews']) {
    await db.schema.dropTable(table).execute();
  }
}

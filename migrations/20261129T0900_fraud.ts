import { sql, type Kysely } from 'kysely';

// The fraud engine's tables. Identities appear only as keyed hashes (src/fraud/identity.ts);
// a decision keeps its raw input, which is the organisation's own data, for audit.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fraud_settings')
    .addColumn('org_id', 'uuid', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('modules', sql`text[]`, (c) => c.notNull())
    .addColumn('share_negative_data', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('home_country', 'text', (c) => c.notNull().defaultTo('JP'))
    .addColumn('plan', 'text', (c) => c.notNull().defaultTo('LIGHT'))
    // null: the default ruleset; otherwise a version in fraud_rulesets.
    .addColumn('ruleset_version', 'integer')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('fraud_rulesets')
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('fraud_rulesets_pkey', ['org_id', 'version'])
    .execute();

  await db.schema
    .createTable('fraud_decisions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('ORDER', 'SIGNUP', 'LOGIN', 'REVIEW')`))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull().check(sql`verdict in ('OK', 'REVIEW', 'NG')`))
    .addColumn('score', 'smallint', (c) => c.notNull())
    .addColumn('reasons', 'jsonb', (c) => c.notNull())
    .addColumn('entities', 'jsonb', (c) => c.notNull())
    .addColumn('entity_hashes', sql`text[]`, (c) => c.notNull())
    .addColumn('features', 'jsonb', (c) => c.notNull())
    .addColumn('input', 'jsonb', (c) => c.notNull())
    .addColumn('ruleset_version', 'text', (c) => c.notNull())
    // A person's judgement (a case, a chargeback): the ground truth evaluations are scored on.
    .addColumn('label', 'text', (c) => c.check(sql`label in ('FRAUD', 'LEGITIMATE')`))
    .addColumn('labelled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('fraud_decisions_external_key', ['org_id', 'kind', 'external_id'])
    .execute();
  // Usage is metered from the decisions themselves: no counter row for every screening to queue on.
  await db.schema.createIndex('fraud_decisions_org_time_idx').on('fraud_decisions').columns(['org_id', 'created_at']).execute();
  // fastupdate off: with the pending list on, now and then one screening's insert would merge
  // megabytes of it into the index, a latency spike the p99 of screening cannot afford.
  await sql`create index fraud_decisions_entities_idx on fraud_decisions using gin (entity_hashes) with (fastupdate = off)`.execute(db);

  await db.schema
    .createTable('fraud_cases')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('decision_id', 'uuid', (c) => c.notNull().unique().references('fraud_decisions.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('OPEN', 'CONFIRMED_FRAUD', 'LEGITIMATE')`))
    .addColumn('note', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('fraud_cases_queue_idx').on('fraud_cases').columns(['org_id', 'status', 'created_at', 'id']).execute();

  await db.schema
    .createTable('fraud_list_entries')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('list', 'text', (c) => c.notNull().check(sql`list in ('ALLOW', 'BLOCK')`))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('display', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz')
    .addColumn('case_id', 'uuid', (c) => c.references('fraud_cases.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('fraud_list_entries_key', ['org_id', 'list', 'key_hash'])
    .execute();
  await db.schema.createIndex('fraud_list_entries_hash_idx').on('fraud_list_entries').columns(['key_hash', 'org_id']).execute();

  // The shared negative database: confirmed fraud, reported by organisations that opted in.
  await db.schema
    .createTable('fraud_shared_negatives')
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('reported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('fraud_shared_negatives_pkey', ['key_hash', 'module', 'org_id'])
    .execute();

  // The identity graph's memory of bad outcomes per organisation: an identity judged NG or
  // confirmed as fraud in one module raises the risk in the others.
  await db.schema
    .createTable('fraud_entity_flags')
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('flagged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('confirmed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('last_decision_id', 'uuid')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('fraud_entity_flags_pkey', ['org_id', 'key_hash', 'module'])
    .execute();

  // Addresses of a known kind an organisation added (a hotel near its shop, a forwarding
  // service it has seen), beside the keyword patterns shipped with Tenpo.
  await db.schema
    .createTable('fraud_address_kinds')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('premises_key', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('fraud_address_kinds_key', ['org_id', 'premises_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['fraud_address_kinds', 'fraud_entity_flags', 'fraud_shared_negatives', 'fraud_list_entries', 'fraud_cases', 'fraud_decisions', 'fraud_rulesets', 'fraud_settings']) {
    await db.schema.dropTable(table).execute();
  }
}

import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { FraudDecisionsTable } from '../db/fraudSchema.ts';
import { preparedName, type Db } from '../db/database.ts';
import type { Decision, Entity, Features, Reason, ScreeningKind, Verdict } from './model.ts';
import { actorIdentities } from './actors.ts';
import { MODULE_OF } from './model.ts';

/** A decision to store: what screen() decided, with the features and input behind it. */
export type NewDecision = Omit<Decision, 'id' | 'caseId' | 'createdAt' | 'replayed'> & { features: Features; input: unknown };

/**
 * Stores a decision, its case when it needs a person, and the flags its identities carry into
 * the other modules, in one statement: one round trip, all or nothing. A repeat of an id
 * already screened stores nothing and answers with the first decision.
 *
 * The statement commits without waiting for the WAL to reach disk (synchronous_commit off for
 * this transaction only): the flush costs ~4 ms at p50 and ~12 ms at p99 on this machine's
 * disk, most of the screening's latency budget. The price, PostgreSQL's documented one: if the
 * database server itself crashes, decisions committed in the last ~0.6 s (3 × wal_writer_delay)
 * can be lost, each whole or not at all, never half-written. A merchant who retries such an id
 * is screened again.
 */
export async function saveDecision(db: Db, d: NewDecision): Promise<Decision> {
  const id = randomUUID();
  const caseId = d.verdict === 'REVIEW' ? randomUUID() : null;
  // Only NG marks identities: REVIEW is a question for a person, whose answer (a label) marks them then.
  const flagged = d.verdict === 'NG' ? actorIdentities(d.kind, d.entities, d.features) : [];
  const { rows } = await sql<{ id: string }>`${sql.raw(preparedName('fraud_save_decision'))}
    with decision as (
      insert into fraud_decisions (id, org_id, kind, external_id, verdict, score, reasons, entities, entity_hashes, features, input, ruleset_version)
      select ${id}, ${d.orgId}, ${d.kind}, ${d.externalId}, ${d.verdict}, ${d.score}, ${JSON.stringify(d.reasons)}::jsonb,
             ${JSON.stringify(d.entities)}::jsonb, ${d.entities.map((e) => e.hash)}::text[], ${JSON.stringify(signalled(d.features))}::jsonb,
             ${JSON.stringify(d.input)}::jsonb, ${d.rulesetVersion}
        from (select set_config('synchronous_commit', 'off', true)) as durability
      on conflict (org_id, kind, external_id) do nothing
      returning id
    ), opened as (
      insert into fraud_cases (id, org_id, decision_id, status)
      select ${caseId}::uuid, ${d.orgId}, id, 'OPEN' from decision where ${caseId !== null}
    ), flags as (
      insert into fraud_entity_flags (org_id, key_hash, kind, module, flagged, last_decision_id, updated_at)
      select ${d.orgId}, f.hash, f.kind, ${MODULE_OF[d.kind]}, 1, decision.id, now()
        from decision, unnest(${flagged.map((e) => e.hash)}::text[], ${flagged.map((e) => e.kind)}::text[]) as f(hash, kind)
      on conflict (org_id, key_hash, module) do update
        set flagged = fraud_entity_flags.flagged + 1, last_decision_id = excluded.last_decision_id, updated_at = excluded.updated_at
    )
    select id from decision
  `.execute(db);
  if (rows.length === 0) {
    const existing = await findDecisionByExternalId(db, d.orgId, d.kind, d.externalId);
    if (!existing) throw new Error(`decision ${d.kind} ${d.externalId} conflicted but cannot be read`);
    return { ...existing, replayed: true };
  }
  return {
    id,
    orgId: d.orgId,
    kind: d.kind,
    externalId: d.externalId,
    verdict: d.verdict,
    score: d.score,
    reasons: d.reasons,
    entities: d.entities,
    rulesetVersion: d.rulesetVersion,
    caseId,
    createdAt: new Date(),
    replayed: false,
  };
}

/**
 * The features that saw something: a false, a 0 or an empty string is what the catalog says a
 * feature is when nothing was seen, so storing only the others keeps the audit complete at a
 * fifth of the size (the insert is most of a screening's database time).
 */
function signalled(features: Features): Features {
  const kept: Features = {};
  for (const [name, value] of Object.entries(features)) if (value !== false && value !== 0 && value !== '') kept[name] = value;
  return kept;
}

const decisionColumns = [
  'd.id',
  'd.org_id',
  'd.kind',
  'd.external_id',
  'd.verdict',
  'd.score',
  'd.reasons',
  'd.entities',
  'd.ruleset_version',
  'd.created_at',
  'c.id as case_id',
] as const;

type DecisionRow = Pick<Selectable<FraudDecisionsTable>, 'id' | 'org_id' | 'kind' | 'external_id' | 'verdict' | 'score' | 'reasons' | 'entities' | 'ruleset_version' | 'created_at'> & {
  case_id: string | null;
};

export function toDecision(row: DecisionRow): Decision {
  return {
    id: row.id,
    orgId: row.org_id,
    kind: row.kind as ScreeningKind,
    externalId: row.external_id,
    verdict: row.verdict as Verdict,
    score: row.score,
    reasons: row.reasons as Reason[],
    entities: row.entities as Entity[],
    rulesetVersion: row.ruleset_version,
    caseId: row.case_id,
    createdAt: row.created_at,
    replayed: false,
  };
}

function decisions(db: Db) {
  return db.selectFrom('fraud_decisions as d').leftJoin('fraud_cases as c', 'c.decision_id', 'd.id').select(decisionColumns);
}

export async function findDecisionByExternalId(db: Db, orgId: string, kind: ScreeningKind, externalId: string): Promise<Decision | null> {
  const row = await decisions(db).where('d.org_id', '=', orgId).where('d.kind', '=', kind).where('d.external_id', '=', externalId).executeTakeFirst();
  return row ? toDecision(row) : null;
}

export async function findDecision(db: Db, id: string): Promise<Decision | null> {
  const row = await decisions(db).where('d.id', '=', id).executeTakeFirst();
  return row ? toDecision(row) : null;
}

/** The stored input and features behind a decision, for audit. */
export async function decisionDetail(db: Db, id: string): Promise<{ input: unknown; features: Features; label: string | null } | null> {
  const row = await db.selectFrom('fraud_decisions').select(['input', 'features', 'label']).where('id', '=', id).executeTakeFirst();
  return row ? { input: row.input, features: row.features as Features, label: row.label } : null;
}

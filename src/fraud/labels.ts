import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { fieldError, type Result } from '../locations/model.ts';
import { actorIdentities } from './actors.ts';
import { MODULE_OF, SHAREABLE_KINDS, type Features, type Entity, type Label, type ScreeningKind } from './model.ts';
import { loadSettings } from './settings.ts';

export interface LabelOutcome {
  decisionId: string;
  label: Label;
  /** Identities added to the block list. */
  blocked: number;
  /** Identities reported to the shared negative database. */
  shared: number;
}

/**
 * A person's judgement on a decision (resolving its case, or a chargeback on an order that
 * passed). It is kept as the decision's label for evaluation. Confirmed fraud blocks the
 * identities the fraudster controlled (actors.ts: never a login's target account, nor the saved
 * identities of an account taken over) in the organisation, marks them confirmed in the identity
 * graph so every module sees it, and, where the organisation shares negative data, reports
 * their keyed hashes to the shared database. All in one transaction.
 */
export async function labelDecision(db: Db, actor: Actor, orgId: string, decisionId: string, label: Label, note: string | null): Promise<Result<LabelOutcome>> {
  const settings = await loadSettings(db, orgId);
  return db.transaction().execute(async (trx) => {
    const decision = await trx
      .selectFrom('fraud_decisions')
      .select(['id', 'kind', 'entities', 'features', 'label'])
      .where('id', '=', decisionId)
      .where('org_id', '=', orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!decision) return { ok: false as const, errors: [fieldError('NOT_FOUND', ['decisionId'], 'No such decision.')] };
    if (decision.label !== null) {
      return { ok: false as const, errors: [fieldError('ALREADY_LABELLED', ['decisionId'], `The decision is already labelled ${decision.label}.`)] };
    }
    const now = new Date();
    await trx.updateTable('fraud_decisions').set({ label, labelled_at: now }).where('id', '=', decisionId).execute();
    const resolved = await trx
      .updateTable('fraud_cases')
      .set({ status: label === 'FRAUD' ? 'CONFIRMED_FRAUD' : 'LEGITIMATE', note, resolved_by: actor.label, resolved_at: now })
      .where('decision_id', '=', decisionId)
      .where('status', '=', 'OPEN')
      .returning('id')
      .executeTakeFirst();
    if (label === 'LEGITIMATE') return { ok: true as const, value: { decisionId, label, blocked: 0, shared: 0 } };

    const kind = decision.kind as ScreeningKind;
    const module = MODULE_OF[kind];
    const identifying = actorIdentities(kind, decision.entities as Entity[], decision.features as Features);
    for (const e of identifying) {
      await sql`
        insert into fraud_entity_flags (org_id, key_hash, kind, module, flagged, confirmed, last_decision_id, updated_at)
        values (${orgId}, ${e.hash}, ${e.kind}, ${module}, 1, true, ${decisionId}, ${now})
        on conflict (org_id, key_hash, module) do update set confirmed = true, last_decision_id = excluded.last_decision_id, updated_at = excluded.updated_at
      `.execute(trx);
    }
    let blocked = 0;
    if (identifying.length > 0) {
      const rows = await trx
        .insertInto('fraud_list_entries')
        .values(
          identifying.map((e) => ({
            id: randomUUID(),
            org_id: orgId,
            list: 'BLOCK',
            kind: e.kind,
            key_hash: e.hash,
            display: e.display,
            reason: note ? `Confirmed fraud: ${note}` : 'Confirmed fraud',
            case_id: resolved?.id ?? null,
            created_by: actor.label,
          })),
        )
        .onConflict((oc) => oc.columns(['org_id', 'list', 'key_hash']).doNothing())
        .returning('id')
        .execute();
      blocked = rows.length;
    }
    const shareable = settings.shareNegativeData ? identifying.filter((e) => SHAREABLE_KINDS.includes(e.kind)) : [];
    if (shareable.length > 0) {
      await trx
        .insertInto('fraud_shared_negatives')
        .values(shareable.map((e) => ({ key_hash: e.hash, kind: e.kind, module, org_id: orgId })))
        .onConflict((oc) => oc.columns(['key_hash', 'module', 'org_id']).doNothing())
        .execute();
    }
    return { ok: true as const, value: { decisionId, label, blocked, shared: shareable.length } };
  });
}

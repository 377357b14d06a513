import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { inputErrors, type Result } from '../locations/model.ts';
import type { AddressNormalizer } from './addresses.ts';
import { ADDRESS_KINDS, MODULES, type AddressKind } from './model.ts';
import { normalizeJapaneseAddress } from './normalize/address.ts';
import { PLANS } from './usage.ts';
import { rulesetSchema } from './rules/schema.ts';
import { forgetSettings, loadSettings, type FraudSettings } from './settings.ts';

const settingsPatch = z
  .object({
    modules: z.array(z.enum(MODULES)).min(1).max(MODULES.length).optional(),
    shareNegativeData: z.boolean().optional(),
    homeCountry: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code').optional(),
    plan: z.enum(Object.keys(PLANS) as [string, ...string[]]).optional(),
  })
  .strict();

/** Changes which modules are on, data sharing, the home country or the plan. */
export async function updateSettings(db: Db, orgId: string, patch: unknown): Promise<Result<FraudSettings>> {
  const parsed = settingsPatch.safeParse(patch);
  if (!parsed.success) return { ok: false, errors: inputErrors(parsed.error) };
  const current = await readFresh(db, orgId);
  const p = parsed.data;
  const row = {
    org_id: orgId,
    modules: [...new Set(p.modules ?? current.modules)],
    share_negative_data: p.shareNegativeData ?? current.shareNegativeData,
    home_country: p.homeCountry ?? current.homeCountry,
    plan: p.plan ?? current.plan,
  };
  await db
    .insertInto('fraud_settings')
    .values(row)
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ ...row, updated_at: sql`now()` }))
    .execute();
  return { ok: true, value: await readFresh(db, orgId) };
}

/**
 * Validates a ruleset against the feature catalog and makes it the organisation's rules as the
 * next version. Versions are kept, so every stored decision names rules that can still be read.
 */
export async function publishRuleset(db: Db, actor: Actor, orgId: string, definition: unknown): Promise<Result<FraudSettings>> {
  const parsed = rulesetSchema.safeParse(definition);
  if (!parsed.success) return { ok: false, errors: inputErrors(parsed.error, ['ruleset']) };
  await db.transaction().execute(async (trx) => {
    // Serializes concurrent publishes of one organisation, so versions never collide.
    await sql`select pg_advisory_xact_lock(hashtext(${`fraud_rulesets:${orgId}`}))`.execute(trx);
    const last = await trx.selectFrom('fraud_rulesets').select((eb) => eb.fn.max('version').as('v')).where('org_id', '=', orgId).executeTakeFirst();
    const version = (last?.v ?? 0) + 1;
    await trx.insertInto('fraud_rulesets').values({ org_id: orgId, version, definition: JSON.stringify(parsed.data), created_by: actor.label }).execute();
    await trx
      .insertInto('fraud_settings')
      .values({ org_id: orgId, modules: (await loadSettings(db, orgId)).modules, ruleset_version: version })
      .onConflict((oc) => oc.column('org_id').doUpdateSet({ ruleset_version: version, updated_at: sql`now()` }))
      .execute();
  });
  return { ok: true, value: await readFresh(db, orgId) };
}

/** Goes back to Tenpo's default ruleset (published versions stay readable). */
export async function useDefaultRuleset(db: Db, orgId: string): Promise<FraudSettings> {
  await db.updateTable('fraud_settings').set({ ruleset_version: null, updated_at: sql`now()` }).where('org_id', '=', orgId).execute();
  return readFresh(db, orgId);
}

const addressKindInput = z
  .object({ address: z.string().trim().min(1).max(300), kind: z.enum(ADDRESS_KINDS), label: z.string().trim().min(1).max(200) })
  .strict();

/** Marks a place (a hotel, a forwarding service) the shipped patterns do not know. */
export async function addAddressKind(
  db: Db,
  orgId: string,
  input: unknown,
  normalize: AddressNormalizer = async (line) => normalizeJapaneseAddress(line),
): Promise<Result<{ id: string; kind: AddressKind; label: string; premisesKey: string }>> {
  const parsed = addressKindInput.safeParse(input);
  if (!parsed.success) return { ok: false, errors: inputErrors(parsed.error) };
  const premisesKey = (await normalize(parsed.data.address)).premisesKey;
  const row = { id: randomUUID(), org_id: orgId, kind: parsed.data.kind, premises_key: premisesKey, label: parsed.data.label };
  await db
    .insertInto('fraud_address_kinds')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'premises_key']).doUpdateSet({ kind: row.kind, label: row.label }))
    .execute();
  return { ok: true, value: { id: row.id, kind: parsed.data.kind, label: row.label, premisesKey } };
}

async function readFresh(db: Db, orgId: string): Promise<FraudSettings> {
  forgetSettings(orgId);
  return loadSettings(db, orgId);
}

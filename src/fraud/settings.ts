import type { Db } from '../db/database.ts';
import { DEFAULT_MODULES, MODULES, type Module } from './model.ts';
import { DEFAULT_RULESET, DEFAULT_RULESET_VERSION } from './rules/default.ts';
import { rulesetSchema, type Ruleset } from './rules/schema.ts';

export interface FraudSettings {
  orgId: string;
  modules: Module[];
  /** Contributes confirmed fraud to the shared negative database and matches against it. */
  shareNegativeData: boolean;
  homeCountry: string;
  plan: string;
  ruleset: Ruleset;
  rulesetVersion: string;
}

/**
 * Settings are read on every screening, so each process keeps them for a few seconds. A change
 * made through this process applies at once; other processes pick it up within SETTINGS_CACHE_MS.
 */
export const SETTINGS_CACHE_MS = 5_000;
const cache = new Map<string, { settings: Promise<FraudSettings>; until: number }>();

export function loadSettings(db: Db, orgId: string): Promise<FraudSettings> {
  const hit = cache.get(orgId);
  if (hit && hit.until > Date.now()) return hit.settings;
  const settings = readSettings(db, orgId);
  cache.set(orgId, { settings, until: Date.now() + SETTINGS_CACHE_MS });
  settings.catch(() => cache.delete(orgId));
  return settings;
}

export function forgetSettings(orgId: string): void {
  cache.delete(orgId);
}

async function readSettings(db: Db, orgId: string): Promise<FraudSettings> {
  const row = await db
    .selectFrom('fraud_settings as s')
    .leftJoin('fraud_rulesets as r', (j) => j.onRef('r.org_id', '=', 's.org_id').onRef('r.version', '=', 's.ruleset_version'))
    .select(['s.modules', 's.share_negative_data', 's.home_country', 's.plan', 's.ruleset_version', 'r.definition'])
    .where('s.org_id', '=', orgId)
    .executeTakeFirst();
  if (!row) return { orgId, modules: [...DEFAULT_MODULES], shareNegativeData: false, homeCountry: 'JP', plan: 'LIGHT', ruleset: DEFAULT_RULESET, rulesetVersion: DEFAULT_RULESET_VERSION };
  const published = row.ruleset_version !== null && row.definition ? rulesetSchema.parse(row.definition) : null;
  return {
    orgId,
    modules: row.modules.filter((m): m is Module => (MODULES as readonly string[]).includes(m)),
    shareNegativeData: row.share_negative_data,
    homeCountry: row.home_country,
    plan: row.plan,
    ruleset: published ?? DEFAULT_RULESET,
    rulesetVersion: published ? `v${row.ruleset_version}` : DEFAULT_RULESET_VERSION,
  };
}

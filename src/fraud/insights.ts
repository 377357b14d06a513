import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Localized, Module } from './model.ts';
import type { FraudSettings } from './settings.ts';

export interface ModuleInsight {
  module: Module;
  /** Identities this organisation's screenings flagged that other organisations confirmed as fraud in that module. */
  identities: number;
  /** Organisations that confirmed them. */
  organisations: number;
  /** This organisation's decisions that involved them. */
  decisions: number;
  message: Localized;
}

const NAMES: Record<'ORDERS' | 'ACCESS', Localized> = {
  ORDERS: { ja: '注文審査', en: 'order screening' },
  ACCESS: { ja: '不正アクセス検知', en: 'sign-up and login screening' },
};

/**
 * What a module the organisation does not have would have caught, from evidence: identities its
 * enabled modules flagged, matched by keyed hash against fraud other organisations confirmed in
 * the missing module. Only counts leave the shared database, never whose or which.
 */
export async function missingModuleInsights(db: Db, settings: FraudSettings): Promise<ModuleInsight[]> {
  const missing = (['ORDERS', 'ACCESS'] as const).filter((m) => !settings.modules.includes(m));
  if (missing.length === 0) return [];
  const { rows } = await sql<{ module: 'ORDERS' | 'ACCESS'; identities: number; organisations: number; decisions: number }>`
    with mine as (
      select distinct key_hash from fraud_entity_flags
       where org_id = ${settings.orgId} and (flagged > 0 or confirmed)
    ), hits as (
      select s.module, s.key_hash, s.org_id from fraud_shared_negatives s
        join mine using (key_hash)
       where s.org_id <> ${settings.orgId} and s.module = any(${missing}::text[])
    )
    select module,
           count(distinct key_hash)::int as identities,
           count(distinct org_id)::int as organisations,
           (select count(*)::int from fraud_decisions d
             where d.org_id = ${settings.orgId}
               and d.entity_hashes && array(select h.key_hash from hits h where h.module = hits.module)) as decisions
      from hits group by module
  `.execute(db);
  return rows.map((r) => ({
    module: r.module,
    identities: r.identities,
    organisations: r.organisations,
    decisions: r.decisions,
    message: {
      ja: `${NAMES[r.module].ja}を有効にしていれば、貴社で不正と判定された ${r.identities} 件の情報（${r.decisions} 件の審査に関係）が、他の ${r.organisations} 社で確認済みの不正として検知されていました。`,
      en: `With ${NAMES[r.module].en}, ${r.identities} identities flagged in your screenings (in ${r.decisions} decisions) would have been caught: ${r.organisations} other organisation(s) confirmed them as fraud there.`,
    },
  }));
}

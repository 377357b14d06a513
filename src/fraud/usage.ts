import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { MODULE_OF, SCREENING_KINDS, type Module, type ScreeningKind } from './model.ts';

/**
 * Plans meter screenings per month. LIGHT follows O-PLUX Light: a monthly fee that includes
 * 1,000 screenings. Prices are the sales team's, not the engine's, so only the allowances live here.
 */
export const PLANS: Record<string, { included: number; description: string }> = {
  LIGHT: { included: 1_000, description: 'Monthly fee including 1,000 screenings; more are billed per screening.' },
  STANDARD: { included: 10_000, description: 'Monthly fee including 10,000 screenings; more are billed per screening.' },
  ENTERPRISE: { included: 1_000_000, description: 'Contracted volume.' },
};

export interface Usage {
  month: string;
  byKind: { kind: ScreeningKind; screenings: number }[];
  /** The same, per module (ACCESS is sign-ups and logins), as plans price them. */
  byModule: { module: Module; screenings: number }[];
  total: number;
  included: number;
  overage: number;
}

/**
 * Screenings in a month (UTC), counted from the stored decisions themselves, so the meter can
 * never disagree with the audit trail. A repeat of an already screened id is not counted twice.
 */
export async function monthlyUsage(db: Db, orgId: string, month: string, plan: string): Promise<Usage> {
  const start = new Date(`${month}-01T00:00:00Z`);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  const rows = await db
    .selectFrom('fraud_decisions')
    .select(['kind', sql<number>`count(*)::int`.as('n')])
    .where('org_id', '=', orgId)
    .where('created_at', '>=', start)
    .where('created_at', '<', end)
    .groupBy('kind')
    .execute();
  const counts = new Map(rows.map((r) => [r.kind, Number(r.n)]));
  const byKind = SCREENING_KINDS.map((kind) => ({ kind, screenings: counts.get(kind) ?? 0 }));
  const modules = new Map<Module, number>();
  for (const k of byKind) modules.set(MODULE_OF[k.kind], (modules.get(MODULE_OF[k.kind]) ?? 0) + k.screenings);
  const byModule = [...modules].map(([module, screenings]) => ({ module, screenings }));
  const total = byKind.reduce((n, k) => n + k.screenings, 0);
  const included = PLANS[plan]?.included ?? 0;
  return { month, byKind, byModule, total, included, overage: Math.max(0, total - included) };
}

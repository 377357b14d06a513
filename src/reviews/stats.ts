import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { filteredReviews, RATING_SQL, type ReviewFilter } from './views.ts';

/**
 * Review statistics over a period: average rating and count by store, platform and period,
 * the unanswered count, and the median time to the first published reply. Everything is
 * computed from the reviews table in PostgreSQL; nothing is pre-aggregated that could drift.
 */
export const STATS_INTERVALS = ['DAY', 'WEEK', 'MONTH'] as const;
export type StatsInterval = (typeof STATS_INTERVALS)[number];

export interface StatsFilter {
  from: Date | null;
  to: Date | null;
  locationIds: readonly string[] | null;
  platforms: readonly string[] | null;
}

export interface RatingGroup {
  count: number;
  averageRating: number | null;
}

export interface ReviewStats extends RatingGroup {
  unansweredCount: number;
  medianResponseSeconds: number | null;
  byLocation: (RatingGroup & { locationId: string; unansweredCount: number })[];
  byPlatform: (RatingGroup & { platform: string })[];
  series: (RatingGroup & { periodStart: Date; byPlatform: (RatingGroup & { platform: string })[] })[];
}

const AGGREGATES = {
  count: sql<string>`count(*)`,
  average: sql<string | null>`round(avg(${RATING_SQL})::numeric, 2)`,
  unanswered: sql<string>`count(*) filter (where r.answered_at is null)`,
};

const group = (r: { count: string; average: string | null }): RatingGroup => ({ count: Number(r.count), averageRating: r.average === null ? null : Number(r.average) });

export async function reviewStats(db: Db, scope: { orgId: string; managerId: string | null }, filter: StatsFilter, interval: StatsInterval, timeZone: string): Promise<ReviewStats> {
  const reviewFilter: ReviewFilter = { locationIds: filter.locationIds, platforms: filter.platforms };
  const scoped = () => {
    let q = filteredReviews(db, scope, reviewFilter).clearSelect();
    if (filter.from) q = q.where('r.created_at', '>=', filter.from);
    if (filter.to) q = q.where('r.created_at', '<', filter.to);
    return q;
  };
  const period = sql<Date>`date_trunc(${interval.toLowerCase()}, r.created_at, ${timeZone})`;
  const [totals, byLocation, byPlatform, periodTotals, series] = await Promise.all([
    scoped()
      .select([
        AGGREGATES.count.as('count'),
        AGGREGATES.average.as('average'),
        AGGREGATES.unanswered.as('unanswered'),
        sql<string | null>`percentile_cont(0.5) within group (order by extract(epoch from r.answered_at - r.created_at)) filter (where r.answered_at is not null)`.as('median'),
      ])
      .executeTakeFirstOrThrow(),
    scoped().select(['r.location_id', AGGREGATES.count.as('count'), AGGREGATES.average.as('average'), AGGREGATES.unanswered.as('unanswered')]).groupBy('r.location_id').orderBy('count', 'desc').execute(),
    scoped().select(['r.platform', AGGREGATES.count.as('count'), AGGREGATES.average.as('average')]).groupBy('r.platform').orderBy('r.platform').execute(),
    scoped().select([period.as('period'), AGGREGATES.count.as('count'), AGGREGATES.average.as('average')]).groupBy(sql`1`).orderBy(sql`1`).execute(),
    scoped().select([period.as('period'), 'r.platform', AGGREGATES.count.as('count'), AGGREGATES.average.as('average')]).groupBy([sql`1`, 'r.platform']).orderBy(sql`1`).execute(),
  ]);
  const t = totals as unknown as { count: string; average: string | null; unanswered: string; median: string | number | null };

  type PeriodRow = { period: Date; count: string; average: string | null };
  const platformsOf = new Map<number, (RatingGroup & { platform: string })[]>();
  for (const row of series as unknown as (PeriodRow & { platform: string })[]) {
    const key = new Date(row.period).getTime();
    platformsOf.set(key, [...(platformsOf.get(key) ?? []), { platform: row.platform, ...group(row) }]);
  }
  return {
    ...group(t),
    unansweredCount: Number(t.unanswered),
    medianResponseSeconds: t.median === null ? null : Math.round(Number(t.median)),
    byLocation: (byLocation as unknown as { location_id: string; count: string; average: string | null; unanswered: string }[]).map((r) => ({ locationId: r.location_id, unansweredCount: Number(r.unanswered), ...group(r) })),
    byPlatform: (byPlatform as unknown as { platform: string; count: string; average: string | null }[]).map((r) => ({ platform: r.platform, ...group(r) })),
    series: (periodTotals as unknown as PeriodRow[]).map((row) => ({
      periodStart: new Date(row.period),
      ...group(row),
      byPlatform: platformsOf.get(new Date(row.period).getTime()) ?? [],
    })),
  };
}

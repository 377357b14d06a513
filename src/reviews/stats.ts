import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { matchingReviews, RATING_SQL } from './views.ts';

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

const group = (r: { count: string; average: string | null }): RatingGroup => ({ count: Number(r.count), averageRating: r.average === null ? null : Number(r.average) });

interface GroupRow {
  /** Which grouping set the row belongs to: bits for (period, platform, location_id), 1 = rolled up. */
  g: number;
  period: Date | null;
  platform: string | null;
  location_id: string | null;
  count: string;
  average: string | null;
  unanswered: string;
}

// grouping(period, platform, location_id): a bit is set for each column rolled up.
const TOTAL = 0b111;
const BY_LOCATION = 0b110;
const BY_PLATFORM = 0b101;
const BY_PERIOD = 0b011;
const BY_PERIOD_PLATFORM = 0b001;

export async function reviewStats(db: Db, scope: { orgId: string; managerId: string | null }, filter: StatsFilter, interval: StatsInterval, timeZone: string): Promise<ReviewStats> {
  let q = matchingReviews(db, scope, { locationIds: filter.locationIds, platforms: filter.platforms });
  if (filter.from) q = q.where('r.created_at', '>=', filter.from);
  if (filter.to) q = q.where('r.created_at', '<', filter.to);
  const rows = q.select([
    sql<Date>`date_trunc(${interval.toLowerCase()}, r.created_at, ${timeZone})`.as('period'),
    'r.platform',
    'r.location_id',
    sql<number | null>`${RATING_SQL}`.as('rating'),
    'r.created_at',
    'r.answered_at',
  ]);
  // One pass over the reviews for every breakdown, hashed; the median needs a sort, which would
  // force every grouping set to be sorted too, so it is its own query beside it.
  const [result, median] = await Promise.all([
    sql<GroupRow>`
      select grouping(period, platform, location_id) as g, period, platform, location_id,
             count(*) as count,
             round(avg(rating)::numeric, 2) as average,
             count(*) filter (where answered_at is null) as unanswered
      from (${rows}) s
      group by grouping sets ((), (location_id), (platform), (period), (period, platform))
      order by period, platform`.execute(db),
    q.select(sql<string | number | null>`percentile_cont(0.5) within group (order by extract(epoch from r.answered_at - r.created_at))`.as('median')).where('r.answered_at', 'is not', null).executeTakeFirst(),
  ]);

  const of = (g: number) => result.rows.filter((r) => Number(r.g) === g);
  const t = of(TOTAL)[0];
  const platformsOf = new Map<number, (RatingGroup & { platform: string })[]>();
  for (const row of of(BY_PERIOD_PLATFORM)) {
    const key = new Date(row.period!).getTime();
    platformsOf.set(key, [...(platformsOf.get(key) ?? []), { platform: row.platform!, ...group(row) }]);
  }
  return {
    ...(t ? group(t) : { count: 0, averageRating: null }),
    unansweredCount: Number(t?.unanswered ?? 0),
    medianResponseSeconds: median?.median === null || median?.median === undefined ? null : Math.round(Number(median.median)),
    byLocation: of(BY_LOCATION)
      .map((r) => ({ locationId: r.location_id!, unansweredCount: Number(r.unanswered), ...group(r) }))
      .sort((a, b) => b.count - a.count),
    byPlatform: of(BY_PLATFORM).map((r) => ({ platform: r.platform!, ...group(r) })),
    series: of(BY_PERIOD).map((row) => ({
      periodStart: new Date(row.period!),
      ...group(row),
      byPlatform: platformsOf.get(new Date(row.period!).getTime()) ?? [],
    })),
  };
}

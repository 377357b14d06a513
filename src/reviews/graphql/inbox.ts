import { GraphQLError } from 'graphql';
import { builder } from '../../graphql/builder.ts';
import type { Context } from '../../graphql/context.ts';
import { idOf } from '../../graphql/ids.ts';
import { connectionOf, decodeCursor, encodeCursor, forwardPage } from '../../graphql/pagination.ts';
import { LocationRef, OrganizationRef, RoleEnum } from '../../graphql/refs.ts';
import type { OrganizationRow } from '../../db/schema.ts';
import { isUuid } from '../../lib/ids.ts';
import { loadReviewSettings, type ReviewSettings } from '../settings.ts';
import { reviewStats, STATS_INTERVALS, type RatingGroup, type ReviewStats } from '../stats.ts';
import { countReviews, listReviews, type ReviewFilter } from '../views.ts';
import { ReplyStateEnum, ReplyTemplateRef, ReviewRef } from './types.ts';

const NO_MATCH = '00000000-0000-0000-0000-000000000000';
/** Location ids of another type or tenant match nothing, as any id the caller cannot see. */
const locationIdsOf = (ids: readonly (string | number)[] | null | undefined) => ids?.map((id) => idOf(String(id), 'Location') ?? NO_MATCH) ?? null;

const ReviewFilterInput = builder.inputType('ReviewFilter', {
  fields: (t) => ({
    unanswered: t.boolean({ required: false, description: 'true: no reply published yet; false: answered.' }),
    ratings: t.intList({ required: false, description: 'Star ratings (a recommendation counts as 5, one against as 1).' }),
    platforms: t.stringList({ required: false }),
    locationIds: t.idList({ required: false }),
    suspectedFake: t.boolean({ required: false, description: 'The fraud engine said REVIEW or NG.' }),
    replyStates: t.field({ type: [ReplyStateEnum], required: false }),
    includeDeleted: t.boolean({ required: false, description: 'Also reviews deleted on the platform.' }),
  }),
});

/** The store manager whose stores bound what the caller sees, or null; throws for a caller who may not read. */
async function readScope(ctx: Context, org: OrganizationRow): Promise<{ orgId: string; managerId: string | null } | null> {
  if (!(await ctx.access.can(org.id, 'read'))) return null;
  return { orgId: org.id, managerId: await ctx.access.storeManagerIn(org.id) };
}

builder.objectField(OrganizationRef, 'reviews', (t) =>
  t.connection(
    {
      type: ReviewRef,
      description: 'The review inbox, newest first. A store manager sees only the reviews of their stores.',
      args: { filter: t.arg({ type: ReviewFilterInput, required: false }) },
      resolve: async (org, args, ctx) => {
        const page = forwardPage(args);
        const scope = await readScope(ctx, org);
        const f = args.filter;
        const filter: ReviewFilter = { ...f, locationIds: locationIdsOf(f?.locationIds) };
        if (!scope) return { ...connectionOf([], 0, () => ''), count: async () => 0 };
        const after = page.after ? decodeCursor(page.after, 2) : null;
        if (after && (!isUuid(after[1]) || Number.isNaN(Date.parse(after[0]!)))) throw new GraphQLError('Invalid cursor.', { extensions: { code: 'BAD_USER_INPUT' } });
        const rows = await listReviews(ctx.db, scope, filter, after ? { createdAt: new Date(after[0]!), id: after[1]! } : null, page.first + 1);
        // Counting reads every matching row: only when the client asks for it.
        return { ...connectionOf(rows, page.first, (r) => encodeCursor([r.created_at.toISOString(), r.id])), count: () => countReviews(ctx.db, scope, filter) };
      },
    },
    { fields: (c) => ({ totalCount: c.int({ description: 'Reviews matching the filter.', resolve: (conn) => (conn as unknown as { count: () => Promise<number> }).count() }) }) },
  ),
);

const StatsIntervalEnum = builder.enumType('StatsInterval', { values: STATS_INTERVALS });
const StatsFilterInput = builder.inputType('ReviewStatsFilter', {
  fields: (t) => ({
    from: t.field({ type: 'DateTime', required: false, description: 'Reviews written at or after.' }),
    to: t.field({ type: 'DateTime', required: false, description: 'Reviews written before.' }),
    locationIds: t.idList({ required: false }),
    platforms: t.stringList({ required: false }),
  }),
});

const PlatformStatsRef = builder.objectRef<RatingGroup & { platform: string }>('PlatformReviewStats').implement({
  fields: (t) => ({ platform: t.exposeString('platform'), count: t.exposeInt('count'), averageRating: t.exposeFloat('averageRating', { nullable: true }) }),
});
const LocationStatsRef = builder.objectRef<ReviewStats['byLocation'][number]>('LocationReviewStats').implement({
  fields: (t) => ({
    location: t.field({ type: LocationRef, resolve: async (g, _a, ctx) => (await ctx.loaders.location.load(g.locationId))! }),
    count: t.exposeInt('count'),
    averageRating: t.exposeFloat('averageRating', { nullable: true }),
    unansweredCount: t.exposeInt('unansweredCount'),
  }),
});
const StatsPointRef = builder.objectRef<ReviewStats['series'][number]>('ReviewStatsPoint').implement({
  fields: (t) => ({
    periodStart: t.field({ type: 'DateTime', resolve: (p) => p.periodStart }),
    count: t.exposeInt('count'),
    averageRating: t.exposeFloat('averageRating', { nullable: true }),
    byPlatform: t.field({ type: [PlatformStatsRef], resolve: (p) => p.byPlatform }),
  }),
});
const StatsRef = builder.objectRef<ReviewStats>('ReviewStats').implement({
  fields: (t) => ({
    count: t.exposeInt('count'),
    averageRating: t.exposeFloat('averageRating', { nullable: true }),
    unansweredCount: t.exposeInt('unansweredCount', { description: 'Reviews no reply is published for.' }),
    medianResponseSeconds: t.exposeInt('medianResponseSeconds', { nullable: true, description: 'Median time from a review to its first published reply.' }),
    byLocation: t.field({ type: [LocationStatsRef], resolve: (s) => s.byLocation }),
    byPlatform: t.field({ type: [PlatformStatsRef], resolve: (s) => s.byPlatform }),
    series: t.field({ type: [StatsPointRef], description: 'One point per period that has reviews.', resolve: (s) => s.series }),
  }),
});

const EMPTY_STATS: ReviewStats = { count: 0, averageRating: null, unansweredCount: 0, medianResponseSeconds: null, byLocation: [], byPlatform: [], series: [] };

builder.objectField(OrganizationRef, 'reviewStats', (t) =>
  t.field({
    type: StatsRef,
    args: {
      filter: t.arg({ type: StatsFilterInput, required: false }),
      interval: t.arg({ type: StatsIntervalEnum, required: false, defaultValue: 'WEEK' }),
      timeZone: t.arg.string({ required: false, defaultValue: 'UTC', description: 'IANA zone the periods start in, e.g. Asia/Tokyo.' }),
    },
    resolve: async (org, args, ctx) => {
      const scope = await readScope(ctx, org);
      if (!scope) return EMPTY_STATS;
      const timeZone = args.timeZone ?? 'UTC';
      try {
        new Intl.DateTimeFormat('en', { timeZone });
      } catch {
        throw new GraphQLError(`Unknown time zone "${timeZone}": use an IANA name such as Asia/Tokyo.`, { extensions: { code: 'BAD_USER_INPUT' } });
      }
      const f = args.filter;
      return reviewStats(ctx.db, scope, { from: f?.from ?? null, to: f?.to ?? null, locationIds: locationIdsOf(f?.locationIds), platforms: f?.platforms ?? null }, args.interval ?? 'WEEK', timeZone);
    },
  }),
);

builder.objectField(OrganizationRef, 'replyTemplates', (t) =>
  t.field({
    type: [ReplyTemplateRef],
    args: { language: t.arg.string({ required: false }) },
    resolve: async (org, args, ctx) => {
      if (!(await ctx.access.can(org.id, 'read'))) return [];
      const all = await ctx.loaders.replyTemplates.load(org.id);
      return args.language ? all.filter((tpl) => tpl.language === args.language) : all;
    },
  }),
);

export const ReviewSettingsRef = builder.objectRef<ReviewSettings>('ReviewSettings').implement({
  fields: (t) => ({
    approvalMaxRating: t.exposeInt('approvalMaxRating', { nullable: true, description: 'Replies to ratings at or below this wait for approval; null: none do.' }),
    approvalRoles: t.field({ type: [RoleEnum], description: 'Roles whose replies the rule holds.', resolve: (s) => s.approvalRoles }),
  }),
});

builder.objectField(OrganizationRef, 'reviewSettings', (t) =>
  t.field({ type: ReviewSettingsRef, resolve: (org, _a, ctx) => loadReviewSettings(ctx.db, org.id) }),
);

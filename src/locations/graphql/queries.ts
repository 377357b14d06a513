import { GraphQLError } from 'graphql';
import { builder } from '../../graphql/builder.ts';
import { requireCaller } from '../../graphql/auth.ts';
import type { Context } from '../../graphql/context.ts';
import { idOf } from '../../graphql/ids.ts';
import { connectionOf, decodeCursor, encodeCursor, forwardPage } from '../../graphql/pagination.ts';
import { LocationRef, OrganizationRef } from '../../graphql/refs.ts';
import { targetOrganization } from '../../graphql/organization.ts';
import { isUuid } from '../../lib/ids.ts';
import { LOCATION_STATUSES } from '../model.ts';
import { listAudit, listLocations, type LocationFilterQuery, type LocationOrder, type LocationRecord } from '../repository.ts';
import { loadNode } from '../../graphql/node.ts';
import { AuditEntryRef, LocationStatusEnum } from './types.ts';

const LocationOrderEnum = builder.enumType('LocationOrder', {
  values: ['NAME_ASC', 'STORE_CODE_ASC', 'UPDATED_AT_DESC', 'CREATED_AT_ASC'] as const,
});

export const LocationFilter = builder.inputType('LocationFilter', {
  fields: (f) => ({
    search: f.string({ required: false, description: 'Matches name, localized names, store code or city.' }),
    labels: f.stringList({ required: false, description: 'Locations carrying all of these labels.' }),
    groups: f.idList({ required: false, description: 'Locations in any of these groups (LocationGroup ids).' }),
    status: f.field({ type: [LocationStatusEnum], required: false }),
    country: f.stringList({ required: false, description: 'ISO 3166-1 alpha-2 codes.' }),
    includeArchived: f.boolean({ required: false, defaultValue: false }),
  }),
});

type FilterShape = typeof LocationFilter.$inferInput;

/** The filter as the repository takes it; a store manager's filter is limited to their stores. */
export async function toFilterQuery(ctx: Context, orgId: string, filter: FilterShape): Promise<LocationFilterQuery> {
  const groupIds = filter.groups?.map((g) => idOf(String(g), 'LocationGroup') ?? '00000000-0000-0000-0000-000000000000');
  return {
    orgId,
    storeManagerId: await ctx.access.storeManagerIn(orgId),
    search: filter.search?.trim() || null,
    labels: filter.labels ?? null,
    groupIds: groupIds ?? null,
    statuses: filter.status?.filter((s) => (LOCATION_STATUSES as readonly string[]).includes(s)) ?? null,
    countries: filter.country?.map((c) => c.toUpperCase()) ?? null,
    includeArchived: filter.includeArchived ?? false,
  };
}

async function locationsConnection(
  ctx: Context,
  org: { id: string },
  args: { first?: number | null; after?: string | null; last?: number | null; before?: string | null; filter?: FilterShape | null; orderBy?: LocationOrder | null },
) {
  const page = forwardPage(args);
  const orderBy = args.orderBy ?? 'NAME_ASC';
  const after = page.after ? decodeCursor(page.after, 2) : null;
  if (after && !validCursor(after, orderBy)) throw new GraphQLError('Invalid cursor.', { extensions: { code: 'BAD_USER_INPUT' } });
  const items = await listLocations(ctx.db, {
    ...(await toFilterQuery(ctx, org.id, args.filter ?? {})),
    orderBy,
    after: after ? { value: after[0]!, id: after[1]! } : null,
    limit: page.first + 1,
  });
  const { edges, pageInfo } = connectionOf(items, page.first, (l) => encodeCursor([l.sortKey, l.record.id]));
  return { edges: edges.map((e) => ({ cursor: e.cursor, node: e.node.record })), pageInfo };
}

const PG_TIMESTAMPTZ = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

/** A cursor holds a sort key of the order's kind and a location id; anything else is forged or stale. */
function validCursor([sortKey, id]: string[], orderBy: LocationOrder): boolean {
  const timeOrder = orderBy === 'UPDATED_AT_DESC' || orderBy === 'CREATED_AT_ASC';
  return isUuid(id) && (!timeOrder || PG_TIMESTAMPTZ.test(sortKey ?? ''));
}

builder.objectField(OrganizationRef, 'locations', (t) =>
  t.connection({
    type: LocationRef,
    args: {
      filter: t.arg({ type: LocationFilter, required: false }),
      orderBy: t.arg({ type: LocationOrderEnum, required: false, defaultValue: 'NAME_ASC' }),
    },
    resolve: (org, args, ctx) => locationsConnection(ctx, org, args),
  }),
);

builder.queryFields((t) => ({
  locations: t.connection({
    type: LocationRef,
    description: "An organisation's locations; a store manager sees only theirs.",
    args: {
      organizationId: t.arg.id({ required: false, description: 'Optional when the caller has one organisation.' }),
      filter: t.arg({ type: LocationFilter, required: false }),
      orderBy: t.arg({ type: LocationOrderEnum, required: false, defaultValue: 'NAME_ASC' }),
    },
    resolve: async (_r, args, ctx) => {
      requireCaller(ctx);
      const org = await targetOrganization(ctx, args.organizationId ? String(args.organizationId) : null);
      if (!org) return connectionOf([], 0, () => '');
      return locationsConnection(ctx, org, args);
    },
  }),
  location: t.field({
    type: LocationRef,
    nullable: true,
    args: { id: t.arg.id() },
    resolve: async (_r, { id }, ctx) => {
      requireCaller(ctx);
      return idOf(String(id), 'Location') ? ((await loadNode(ctx, String(id))) as LocationRecord | null) : null;
    },
  }),
}));

builder.objectField(LocationRef, 'history', (t) =>
  t.connection({
    type: AuditEntryRef,
    description: 'Changes, newest first.',
    resolve: async (location, args, ctx) => {
      const page = forwardPage(args);
      const before = page.after ? decodeCursor(page.after, 1)[0]! : null;
      if (before !== null && !/^\d+$/.test(before)) throw new GraphQLError('Invalid cursor.', { extensions: { code: 'BAD_USER_INPUT' } });
      const items = await listAudit(ctx.db, location.id, page.first + 1, before);
      return connectionOf(items, page.first, (e) => encodeCursor([String(e.id)]));
    },
  }),
);

import { decodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { isUuid } from '../lib/ids.ts';
import { findGroup } from '../locations/groups.ts';
import { findLocation } from '../locations/repository.ts';
import { findOrganization } from '../orgs/service.ts';
import { findSyncRun } from '../listings/runs.ts';
import { findListingView } from '../listings/views.ts';
import { findConnection } from '../platforms/repository.ts';
import { findReviewView } from '../reviews/views.ts';
import { builder } from './builder.ts';
import type { Context } from './context.ts';
import { MAX_PAGE_SIZE } from './pagination.ts';

/**
 * `node` and `nodes`, written here rather than taken from the Relay plugin so that every id a
 * client sends, malformed, of an unknown type or of another tenant, gets the same answer: null.
 */
const loaders: Record<string, (ctx: Context, id: string) => Promise<object | null>> = {
  Location: async (ctx, id) => {
    const location = await findLocation(ctx.db, id);
    return location && (await ctx.access.canSeeLocation({ id: location.id, org_id: location.orgId })) ? location : null;
  },
  Organization: async (ctx, id) => {
    const org = await findOrganization(ctx.db, id);
    return org && (await ctx.access.roleIn(org.id)) ? org : null;
  },
  PlatformConnection: async (ctx, id) => {
    const connection = await findConnection(ctx.db, id);
    return connection && (await ctx.access.roleIn(connection.org_id)) ? connection : null;
  },
  Listing: async (ctx, id) => {
    const listing = await findListingView(ctx.db, id);
    return listing && (await ctx.access.canSeeLocation({ id: listing.location_id, org_id: listing.org_id })) ? listing : null;
  },
  SuggestedEdit: async (ctx, id) => {
    const edit = await ctx.db.selectFrom('suggested_edits').selectAll().where('id', '=', id).executeTakeFirst();
    return edit && (await ctx.access.canSeeLocation({ id: edit.location_id, org_id: edit.org_id })) ? edit : null;
  },
  SyncRun: async (ctx, id) => {
    const run = await findSyncRun(ctx.db, id);
    return run && (await ctx.access.roleIn(run.orgId)) ? run : null;
  },
  Review: async (ctx, id) => {
    const review = await findReviewView(ctx.db, id);
    return review && (await ctx.access.canSeeLocation({ id: review.location_id, org_id: review.org_id })) ? review : null;
  },
  ReplyTemplate: async (ctx, id) => {
    const template = await ctx.db.selectFrom('reply_templates').selectAll().where('id', '=', id).executeTakeFirst();
    return template && (await ctx.access.roleIn(template.org_id)) ? template : null;
  },
  LocationGroup: async (ctx, id) => {
    const group = await findGroup(ctx.db, id);
    return group && (await ctx.access.roleIn(group.org_id)) ? group : null;
  },
};

export function loadNode(ctx: Context, globalId: string): Promise<object | null> {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    return Promise.resolve(null);
  }
  const load = Object.hasOwn(loaders, decoded.typename) ? loaders[decoded.typename] : undefined;
  return load && isUuid(decoded.id) ? load(ctx, decoded.id) : Promise.resolve(null);
}

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    args: { id: t.arg.id() },
    resolve: (_r, { id }, ctx) => loadNode(ctx, String(id)),
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: `Up to ${MAX_PAGE_SIZE} ids; each unknown or unreachable one is null.`,
    args: { ids: t.arg.idList() },
    resolve: (_r, { ids }, ctx) => {
      if (ids.length > MAX_PAGE_SIZE) {
        throw new GraphQLError(`At most ${MAX_PAGE_SIZE} ids.`, { extensions: { code: 'BAD_USER_INPUT' } });
      }
      return Promise.all(ids.map((id) => loadNode(ctx, String(id))));
    },
  }),
}));

import { builder } from '../../graphql/builder.ts';
import { requireCaller } from '../../graphql/auth.ts';
import { idOf } from '../../graphql/ids.ts';
import { failure, payloadType, toPayload } from '../../graphql/payload.ts';
import { ListingRef, SuggestedEditRef, SyncRunRef } from '../../graphql/refs.ts';
import { LocationFilter, toFilterQuery } from '../../locations/graphql/queries.ts';
import { organizationNotFound } from '../../locations/model.ts';
import { requireEngine } from '../../platforms/graphql.ts';
import { acceptSuggestedEdit, rejectSuggestedEdit } from '../decisions.ts';
import { linkListing } from '../link.ts';
import { requestSyncRun } from '../runs.ts';
import { findListingView } from '../views.ts';

const SyncRunPayload = payloadType('SyncLocationsPayload', 'run', SyncRunRef);
const ListingPayload = payloadType('ListingPayload', 'listing', ListingRef);
const SuggestedEditPayload = payloadType('SuggestedEditPayload', 'suggestedEdit', SuggestedEditRef);

const SuggestedEditInput = builder.inputType('SuggestedEditDecisionInput', { fields: (f) => ({ id: f.id() }) });
const noSuchEdit = () => failure('NOT_FOUND', ['id'], 'No such suggested edit, or you may not see it.');

builder.mutationFields((t) => ({
  syncLocations: t.field({
    type: SyncRunPayload,
    description: 'Syncs every listing of the matching stores on the given platforms (all connected ones by default); follow it with `node(id)` on the run.',
    args: {
      input: t.arg({
        type: builder.inputType('SyncLocationsInput', {
          fields: (f) => ({
            organizationId: f.id(),
            filter: f.field({ type: LocationFilter, required: false }),
            platforms: f.stringList({ required: false, description: 'Platform ids, e.g. ["google"].' }),
          }),
        }),
      }),
    },
    resolve: async (_r, { input }, ctx) => {
      requireCaller(ctx);
      requireEngine(ctx);
      const orgId = idOf(String(input.organizationId), 'Organization');
      if (!orgId) return { value: null, errors: [organizationNotFound()] };
      const filter = await toFilterQuery(ctx, orgId, input.filter ?? {});
      return toPayload(await requestSyncRun(ctx.db, ctx.access, { orgId, filter, platforms: input.platforms ?? null }));
    },
  }),
  linkListing: t.field({
    type: ListingPayload,
    description: "Links a store to its existing listing on a connected platform (the platform's listing id, e.g. \"locations/123\").",
    args: {
      input: t.arg({
        type: builder.inputType('LinkListingInput', {
          fields: (f) => ({ location: f.id(), connection: f.id(), platformListingId: f.string() }),
        }),
      }),
    },
    resolve: async (_r, { input }, ctx) => {
      requireCaller(ctx);
      const engine = requireEngine(ctx);
      const locationId = idOf(String(input.location), 'Location');
      const connectionId = idOf(String(input.connection), 'PlatformConnection');
      if (!locationId) return failure('NOT_FOUND', ['location'], 'No such location, or you may not see it.');
      if (!connectionId) return failure('NOT_FOUND', ['connection'], 'No such platform connection in this organisation.');
      const linked = await linkListing(engine, ctx.access, { locationId, connectionId, platformListingId: input.platformListingId });
      if (!linked.ok) return { value: null, errors: linked.errors };
      return { value: (await findListingView(ctx.db, linked.value)) ?? null, errors: [] };
    },
  }),
  acceptSuggestedEdit: t.field({
    type: SuggestedEditPayload,
    description: "Copies the platform's value into the store; the sync that follows confirms it on the platform.",
    args: { input: t.arg({ type: SuggestedEditInput }) },
    resolve: async (_r, { input }, ctx) => {
      requireCaller(ctx);
      const id = idOf(String(input.id), 'SuggestedEdit');
      if (!id) return noSuchEdit();
      return toPayload(await acceptSuggestedEdit(requireEngine(ctx), ctx.access, id));
    },
  }),
  rejectSuggestedEdit: t.field({
    type: SuggestedEditPayload,
    description: "Keeps the store's value and delivers it again over the platform's.",
    args: { input: t.arg({ type: SuggestedEditInput }) },
    resolve: async (_r, { input }, ctx) => {
      requireCaller(ctx);
      const id = idOf(String(input.id), 'SuggestedEdit');
      if (!id) return noSuchEdit();
      return toPayload(await rejectSuggestedEdit(requireEngine(ctx), ctx.access, id));
    },
  }),
}));

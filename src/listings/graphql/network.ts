import { builder } from '../../graphql/builder.ts';
import { requireCaller } from '../../graphql/auth.ts';
import { idOf } from '../../graphql/ids.ts';
import { failure, payloadType } from '../../graphql/payload.ts';
import { ListingRef, LocationRef } from '../../graphql/refs.ts';
import type { Connector } from '../../../connectors/runtime/connector.ts';
import { completenessOf, type Completeness } from '../../platforms/completeness.ts';
import { requireEngine } from '../../platforms/graphql.ts';
import { confirmManualListing, manualTaskOf, type ManualTask } from '../manual.ts';
import { findListingView } from '../views.ts';

/** The network side of listings: why a status, a manual platform's task, and completeness. */

const ManualValueRef = builder.objectRef<ManualTask['values'][number]>('ManualListingValue').implement({
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The platform field.' }),
    label: t.exposeString('label'),
    value: t.exposeString('value', { description: 'Exactly what to enter.' }),
    changed: t.exposeBoolean('changed', { description: 'Differs from the values last confirmed.' }),
  }),
});

const ManualTaskRef = builder.objectRef<ManualTask>('ManualListingTask').implement({
  description: 'A platform with no automated route: enter these values there, then call confirmManualListing with valuesHash.',
  fields: (t) => ({
    submitUrl: t.exposeString('submitUrl'),
    values: t.field({ type: [ManualValueRef], resolve: (m) => m.values }),
    valuesHash: t.exposeString('valuesHash'),
    confirmedAt: t.field({ type: 'DateTime', nullable: true, resolve: (m) => m.confirmedAt }),
  }),
});

builder.objectFields(ListingRef, (t) => ({
  statusReason: t.exposeString('status_reason', { nullable: true, description: 'Why the status is what it is, e.g. "Delivered through HERE …".' }),
  deliveredVia: t.string({
    nullable: true,
    description: 'The platform this one takes its data from (reach AGGREGATOR); its status follows that delivery.',
    resolve: (l, _a, ctx) => {
      const d = requireEngine(ctx).registry.manifest(l.platform)?.delivery;
      return d?.kind === 'aggregator' ? d.via : null;
    },
  }),
  manualTask: t.field({
    type: ManualTaskRef,
    nullable: true,
    description: 'For platforms a person submits to: the prepared values and the confirmation state.',
    resolve: async (l, _a, ctx) => {
      const connector = requireEngine(ctx).registry.get(l.platform);
      if (connector?.manifest.delivery.kind !== 'manual') return null;
      const location = await ctx.db.selectFrom('locations').selectAll().where('id', '=', l.location_id).executeTakeFirstOrThrow();
      return manualTaskOf(connector, l, location);
    },
  }),
}));

const MissingFieldRef = builder.objectRef<Completeness['missing'][number]>('CompletenessGap').implement({
  fields: (t) => ({
    field: t.exposeString('field', { description: 'A Location field the store lacks.' }),
    platforms: t.exposeStringList('platforms', { description: 'Platforms of the network that show it.' }),
    gain: t.exposeFloat('gain', { description: 'Points the score rises by once it is filled.' }),
  }),
});

const CompletenessRef = builder.objectRef<Completeness>('Completeness').implement({
  fields: (t) => ({
    score: t.exposeInt('score', { description: '0–100: the share of the fields the eligible platforms show that the store fills.' }),
    platforms: t.exposeInt('platforms', { description: 'Platforms judged: the eligible ones of the network.' }),
    missing: t.field({ type: [MissingFieldRef], resolve: (c) => c.missing }),
  }),
});

builder.objectField(LocationRef, 'completeness', (t) =>
  t.field({
    type: CompletenessRef,
    description: "Against the organisation's connected platforms (the whole catalog when none is connected).",
    resolve: async (l, _a, ctx) => {
      const registry = requireEngine(ctx).registry;
      const connected = await ctx.db.selectFrom('platform_connections').select('platform').distinct().where('org_id', '=', l.orgId).where('status', '<>', 'DISCONNECTED').execute();
      const ids = connected.length > 0 ? connected.map((c) => c.platform) : registry.ids();
      return completenessOf(l.data, ids.map((id) => registry.get(id)).filter((c): c is Connector => c !== undefined));
    },
  }),
);

const ListingPayload = payloadType('ConfirmManualListingPayload', 'listing', ListingRef);

builder.mutationField('confirmManualListing', (t) =>
  t.field({
    type: ListingPayload,
    description: 'Records that a person entered the manual task\'s values on the platform; the listing is then IN_SYNC for exactly those values.',
    args: {
      input: t.arg({ type: builder.inputType('ConfirmManualListingInput', { fields: (f) => ({ listing: f.id(), valuesHash: f.string({ description: 'From Listing.manualTask.' }) }) }) }),
    },
    resolve: async (_r, { input }, ctx) => {
      requireCaller(ctx);
      const engine = requireEngine(ctx);
      const listingId = idOf(String(input.listing), 'Listing');
      if (!listingId) return failure('NOT_FOUND', ['listing'], 'No such listing, or you may not see it.');
      const result = await confirmManualListing(engine, ctx.access, { listingId, valuesHash: input.valuesHash });
      if (!result.ok) return { value: null, errors: result.errors };
      return { value: (await findListingView(ctx.db, result.value)) ?? null, errors: [] };
    },
  }),
);

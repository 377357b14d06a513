import type { ConnectorManifest } from '../../connectors/runtime/manifest.ts';
import { PLATFORM_KINDS } from '../../connectors/runtime/manifest.ts';
import { builder } from '../graphql/builder.ts';
import { PlatformRef } from '../graphql/refs.ts';
import { catalogView, matchesCatalogFilter, type CatalogView } from './catalogView.ts';
import { requireEngine } from './graphql.ts';

const ReachEnum = builder.enumType('PlatformReach', {
  values: {
    API: { value: 'api', description: 'A public self-serve API.' },
    PARTNER_API: { value: 'partner-api', description: 'An API behind a partner agreement.' },
    FEED: { value: 'feed', description: 'Bulk files in the platform\'s format.' },
    AGGREGATOR: { value: 'aggregator', description: 'Through another platform of the network (see delivery.via); never better than SUBMITTED.' },
    MANUAL: { value: 'manual', description: 'A person submits the values Tenpo prepares, then confirms.' },
  } as const,
});

const KindEnum = builder.enumType('PlatformKind', {
  values: Object.fromEntries(PLATFORM_KINDS.map((k) => [k.toUpperCase().replace('-', '_'), { value: k }])) as Record<string, { value: (typeof PLATFORM_KINDS)[number] }>,
});

const CapabilitiesRef = builder.objectRef<ConnectorManifest['capabilities']>('PlatformCapabilities').implement({
  fields: (t) => ({
    listingWrite: t.exposeBoolean('listingWrite'),
    readBack: t.exposeBoolean('readBack'),
    reviewsRead: t.exposeBoolean('reviewsRead'),
    reviewReply: t.exposeBoolean('reviewReply'),
    posts: t.exposeBoolean('posts'),
    insights: t.exposeBoolean('insights'),
  }),
});

const DeliveryRef = builder.objectRef<CatalogView['delivery']>('PlatformDelivery').implement({
  description: 'How listings reach the platform.',
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'connector, publisher, feed, aggregator or manual.' }),
    via: t.exposeString('via', { nullable: true, description: 'The platform whose data this one shows (aggregator).' }),
    submitUrl: t.exposeString('submitUrl', { nullable: true, description: 'Where a person submits the store (manual).' }),
    feedFormat: t.exposeString('feedFormat', { nullable: true }),
    feedColumns: t.exposeStringList('feedColumns', { nullable: true }),
  }),
});

const LimitsRef = builder.objectRef<CatalogView['fieldLimits']>('PlatformFieldLimits').implement({
  fields: (t) => ({
    nameMax: t.exposeInt('nameMax', { nullable: true }),
    descriptionMax: t.exposeInt('descriptionMax', { nullable: true }),
    categoriesMax: t.exposeInt('categoriesMax', { nullable: true }),
    phonesMax: t.exposeInt('phonesMax', { nullable: true }),
    photosMax: t.exposeInt('photosMax', { nullable: true }),
  }),
});

builder.objectType(PlatformRef, {
  description: 'A platform of the network: its reach, rules and where its facts come from.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'Pass as `platform` to connectPlatform.' }),
    name: t.exposeString('name'),
    kind: t.field({ type: KindEnum, resolve: (p) => p.kind }),
    reach: t.field({ type: ReachEnum, resolve: (p) => p.reach }),
    countries: t.exposeStringList('countries', { description: '"GLOBAL" or ISO 3166-1 alpha-2 codes.' }),
    eligibleCategories: t.exposeStringList('eligibleCategories', { nullable: true, description: 'Tenpo categories the platform takes (a parent covers its subcategories); all when null.' }),
    fields: t.exposeStringList('fields', { description: 'Location fields the platform shows.' }),
    authKind: t.exposeString('authKind'),
    capabilities: t.field({ type: CapabilitiesRef, resolve: (p) => p.capabilities }),
    delivery: t.field({ type: DeliveryRef, resolve: (p) => p.delivery }),
    fieldLimits: t.field({ type: LimitsRef, resolve: (p) => p.fieldLimits }),
    deep: t.exposeBoolean('deep', { description: 'Has a connector of its own rather than one run from its manifest.' }),
    available: t.exposeBoolean('available', { description: 'Can be connected on this deployment.' }),
    unavailableReason: t.exposeString('unavailableReason', { nullable: true }),
    factsInferred: t.exposeStringList('factsInferred', { description: 'Manifest facts not confirmed by a public source, to verify first.' }),
    sources: t.exposeStringList('sources'),
  }),
});

const CatalogFilter = builder.inputType('PlatformFilter', {
  fields: (f) => ({
    country: f.string({ required: false, description: 'Only platforms serving this ISO country (GLOBAL ones included).' }),
    kinds: f.field({ type: [KindEnum], required: false }),
    reach: f.field({ type: [ReachEnum], required: false }),
    available: f.boolean({ required: false }),
  }),
});

builder.queryField('platforms', (t) =>
  t.field({
    type: [PlatformRef],
    description: 'The platform network: every platform Tenpo publishes to, with its capabilities, countries and reach.',
    args: { filter: t.arg({ type: CatalogFilter, required: false }) },
    resolve: (_r, { filter }, ctx) => {
      const engine = requireEngine(ctx);
      return catalogView(engine.registry).filter((p) =>
        matchesCatalogFilter(p, { country: filter?.country ?? null, kinds: filter?.kinds ?? null, reach: filter?.reach ?? null, available: filter?.available ?? null }),
      );
    },
  }),
);

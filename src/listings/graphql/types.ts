import { builder } from '../../graphql/builder.ts';
import { ListingRef, LocationRef, OrganizationRef, PlatformConnectionRef, SuggestedEditRef, SyncRunRef } from '../../graphql/refs.ts';
import { findConnection } from '../../platforms/repository.ts';
import { findLocation } from '../../locations/repository.ts';
import type { ListingError } from '../repository.ts';
import { runProgress, type OutcomeCounts, type RunProgress } from '../runs.ts';
import { FIELD_STATUSES, type FieldStatus } from '../state.ts';
import { listingsOfLocation, visibleStatus } from '../views.ts';
import type { ListingProblem } from '../../../connectors/runtime/connector.ts';

const ListingStatusEnum = builder.enumType('ListingStatus', {
  values: {
    IN_SYNC: { description: 'The platform has the store as it is now.' },
    PENDING: { description: 'A change is on its way.' },
    SUBMITTED: { description: 'Delivered, and not yet confirmed as shown: under the platform\'s review, in a feed awaiting its report, or delivered through an aggregator (see statusReason).' },
    ACTION_REQUIRED: { description: 'A person must fix something: see problems and lastError.' },
    NOT_ELIGIBLE: { description: 'The platform does not take this store (country, category, business type).' },
    FAILED: { description: 'Delivery failed after every retry; see lastError.' },
  } as const,
});

const FieldStatusEnum = builder.enumType('ListingFieldStatus', {
  values: {
    MATCH: { description: 'The platform shows our value.' },
    MISMATCH: { description: 'The platform shows something else (drift, or an edit on its side).' },
    MISSING: { description: 'The platform shows nothing for it, or it has not been delivered yet.' },
    NOT_SUPPORTED: { description: 'The platform has no place for this field.' },
  } as const,
});

const ProblemKindEnum = builder.enumType('ListingProblemKind', { values: ['NOT_ELIGIBLE', 'ACTION_REQUIRED'] as const });

const ListingFieldRef = builder.objectRef<{ field: string; status: FieldStatus }>('ListingField').implement({
  fields: (t) => ({
    field: t.exposeString('field', { description: 'A Location field, e.g. "primaryPhone".' }),
    status: t.field({ type: FieldStatusEnum, resolve: (f) => f.status }),
  }),
});

const ListingProblemRef = builder.objectRef<ListingProblem>('ListingProblem').implement({
  fields: (t) => ({
    kind: t.field({ type: ProblemKindEnum, resolve: (p) => p.kind }),
    field: t.exposeString('field', { nullable: true, description: 'The Location field to change.' }),
    rule: t.exposeString('rule', { description: 'Stable code of the platform rule.' }),
    message: t.exposeString('message'),
  }),
});

const ListingErrorRef = builder.objectRef<ListingError>('ListingError').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    message: t.exposeString('message', { description: 'What to do about it.' }),
    field: t.exposeString('field', { nullable: true }),
    rule: t.exposeString('rule', { nullable: true }),
    platformMessage: t.exposeString('platformMessage', { nullable: true, description: "The platform's own words, for support." }),
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
  }),
});

builder.node(ListingRef, {
  id: { resolve: (l) => l.id },
  isTypeOf: (l) => typeof l === 'object' && l !== null && 'connection_id' in l && 'location_version' in l,
  description: 'A store on one platform account.',
  fields: (t) => ({
    platform: t.exposeString('platform'),
    status: t.field({ type: ListingStatusEnum, resolve: (l) => visibleStatus(l) }),
    platformListingId: t.exposeString('platform_listing_id', { nullable: true }),
    publicUrl: t.exposeString('public_url', { nullable: true }),
    fields: t.field({
      type: [ListingFieldRef],
      resolve: (l) =>
        Object.entries(l.field_status)
          .filter((e): e is [string, FieldStatus] => (FIELD_STATUSES as readonly string[]).includes(e[1]))
          .map(([field, status]) => ({ field, status }))
          .sort((a, b) => a.field.localeCompare(b.field)),
    }),
    problems: t.field({ type: [ListingProblemRef], resolve: (l) => l.problems as ListingProblem[] }),
    lastError: t.field({ type: ListingErrorRef, nullable: true, resolve: (l) => (l.last_error as ListingError | null) ?? null }),
    deliveredAt: t.field({ type: 'DateTime', nullable: true, resolve: (l) => l.delivered_at }),
    readBackAt: t.field({ type: 'DateTime', nullable: true, resolve: (l) => l.read_back_at }),
    location: t.field({ type: LocationRef, resolve: async (l, _a, ctx) => (await findLocation(ctx.db, l.location_id))! }),
    connection: t.field({ type: PlatformConnectionRef, resolve: async (l, _a, ctx) => (await findConnection(ctx.db, l.connection_id))! }),
    suggestedEdits: t.field({
      type: [SuggestedEditRef],
      description: 'Open edits the platform made on its side.',
      resolve: (l, _a, ctx) => ctx.db.selectFrom('suggested_edits').selectAll().where('listing_id', '=', l.id).where('status', '=', 'OPEN').orderBy('created_at').execute(),
    }),
  }),
});

builder.objectField(LocationRef, 'listings', (t) =>
  t.field({ type: [ListingRef], description: 'The store on each connected platform.', resolve: (l, _a, ctx) => listingsOfLocation(ctx.db, l.id) }),
);

const SuggestedEditStatusEnum = builder.enumType('SuggestedEditStatus', { values: ['OPEN', 'ACCEPTED', 'REJECTED', 'SUPERSEDED'] as const });

builder.node(SuggestedEditRef, {
  id: { resolve: (e) => e.id },
  isTypeOf: (e) => typeof e === 'object' && e !== null && 'projection_key' in e,
  description: 'A change a platform made to a listing on its own side, awaiting a decision.',
  fields: (t) => ({
    platformField: t.exposeString('projection_key', { description: "The platform's field, e.g. \"storefrontAddress\"." }),
    fields: t.stringList({ description: 'The Location fields it maps to.', resolve: (e) => e.fields }),
    platformValue: t.field({ type: 'JSON', nullable: true, resolve: (e) => e.platform_value }),
    ourValue: t.field({ type: 'JSON', nullable: true, resolve: (e) => e.our_value }),
    status: t.field({ type: SuggestedEditStatusEnum, resolve: (e) => e.status }),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    decidedAt: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.decided_at }),
    decidedBy: t.exposeString('decided_by', { nullable: true }),
  }),
});

builder.objectField(LocationRef, 'suggestedEdits', (t) =>
  t.field({
    type: [SuggestedEditRef],
    description: 'Open platform-side edits to this store, on every platform.',
    resolve: (l, _a, ctx) => ctx.db.selectFrom('suggested_edits').selectAll().where('location_id', '=', l.id).where('status', '=', 'OPEN').orderBy('created_at').execute(),
  }),
);

const PlatformProgressRef = builder.objectRef<OutcomeCounts & { platform: string }>('SyncRunPlatformProgress').implement({
  fields: (t) => ({
    platform: t.exposeString('platform'),
    total: t.exposeInt('total'),
    queued: t.exposeInt('queued'),
    delivered: t.exposeInt('delivered'),
    unchanged: t.exposeInt('unchanged'),
    failed: t.exposeInt('failed'),
    actionRequired: t.exposeInt('actionRequired'),
    notEligible: t.exposeInt('notEligible'),
    waiting: t.exposeInt('waiting'),
  }),
});

const RunProgressRef = builder.objectRef<RunProgress>('SyncRunProgress').implement({
  fields: (t) => ({
    total: t.exposeInt('total'),
    queued: t.exposeInt('queued', { description: 'Not synced yet.' }),
    delivered: t.exposeInt('delivered', { description: 'Changes sent to the platform.' }),
    unchanged: t.exposeInt('unchanged', { description: 'Already up to date: no call made.' }),
    failed: t.exposeInt('failed'),
    actionRequired: t.exposeInt('actionRequired'),
    notEligible: t.exposeInt('notEligible'),
    waiting: t.exposeInt('waiting', { description: 'Held by the platform while it reviews the listing (a new place under review): the change is sent once the platform is ready.' }),
    finished: t.exposeBoolean('finished'),
    finishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (p) => p.finishedAt }),
    byPlatform: t.field({ type: [PlatformProgressRef], resolve: (p) => p.byPlatform }),
  }),
});

builder.node(SyncRunRef, {
  id: { resolve: (r) => r.id },
  isTypeOf: (r) => typeof r === 'object' && r !== null && 'requestedBy' in r && 'total' in r,
  description: 'A sync of many stores on many platforms, started by syncLocations.',
  fields: (t) => ({
    requestedBy: t.exposeString('requestedBy'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    total: t.exposeInt('total', { description: 'Listings in the run.' }),
    progress: t.field({ type: RunProgressRef, resolve: (r, _a, ctx) => runProgress(ctx.db, r.id) }),
    organization: t.field({ type: OrganizationRef, resolve: async (r, _a, ctx) => (await ctx.loaders.organization.load(r.orgId))! }),
  }),
});

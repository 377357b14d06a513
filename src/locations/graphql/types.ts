import { builder } from '../../graphql/builder.ts';
import { LocationGroupRef, LocationRef, OrganizationRef } from '../../graphql/refs.ts';
import type { FieldChange } from '../repository.ts';
import {
  LOCATION_STATUSES,
  PHOTO_KINDS,
  SOCIAL_NETWORKS,
  WEEKDAYS,
  type Address,
  type Attribute,
  type DayHours,
  type LocalizedName,
  type Photo,
  type SocialProfile,
  type SpecialHours,
  type TimeInterval,
} from '../model.ts';

export const LocationStatusEnum = builder.enumType('LocationStatus', { values: LOCATION_STATUSES });
export const WeekdayEnum = builder.enumType('Weekday', { values: WEEKDAYS });
export const PhotoKindEnum = builder.enumType('PhotoKind', { values: PHOTO_KINDS });
export const SocialNetworkEnum = builder.enumType('SocialNetwork', { values: SOCIAL_NETWORKS });

const LocalizedNameRef = builder.objectRef<LocalizedName>('LocalizedName').implement({
  fields: (t) => ({ locale: t.exposeString('locale'), name: t.exposeString('name') }),
});

const AddressRef = builder.objectRef<Address>('Address').implement({
  description: 'A structured address; Japanese addresses come back exactly as entered.',
  fields: (t) => ({
    country: t.exposeString('country', { description: 'ISO 3166-1 alpha-2.' }),
    postalCode: t.exposeString('postalCode', { nullable: true }),
    region: t.exposeString('region', { nullable: true, description: 'Prefecture, state or province.' }),
    city: t.exposeString('city', { nullable: true }),
    district: t.exposeString('district', { nullable: true }),
    lines: t.exposeStringList('lines'),
    building: t.exposeString('building', { nullable: true }),
  }),
});

const TimeIntervalRef = builder.objectRef<TimeInterval>('TimeInterval').implement({
  description: 'Opening time to closing time, HH:MM; a close not after the open passes midnight.',
  fields: (t) => ({ open: t.exposeString('open'), close: t.exposeString('close') }),
});

const DayHoursRef = builder.objectRef<DayHours>('DayHours').implement({
  fields: (t) => ({
    day: t.field({ type: WeekdayEnum, resolve: (d) => d.day }),
    intervals: t.field({ type: [TimeIntervalRef], resolve: (d) => d.intervals }),
  }),
});

const SpecialHoursRef = builder.objectRef<SpecialHours>('SpecialHours').implement({
  fields: (t) => ({
    startDate: t.expose('startDate', { type: 'Date' }),
    endDate: t.expose('endDate', { type: 'Date' }),
    closed: t.exposeBoolean('closed'),
    intervals: t.field({ type: [TimeIntervalRef], resolve: (d) => d.intervals }),
  }),
});

const SocialProfileRef = builder.objectRef<SocialProfile>('SocialProfile').implement({
  fields: (t) => ({
    network: t.field({ type: SocialNetworkEnum, resolve: (s) => s.network }),
    url: t.exposeString('url'),
  }),
});

const AttributeRef = builder.objectRef<Attribute>('Attribute').implement({
  fields: (t) => ({
    key: t.exposeString('key'),
    value: t.field({ type: 'JSON', description: 'A boolean, a string, or a list of strings.', resolve: (a) => a.value }),
  }),
});

const PhotoRef = builder.objectRef<Photo>('Photo').implement({
  fields: (t) => ({
    url: t.exposeString('url'),
    kind: t.field({ type: PhotoKindEnum, resolve: (p) => p.kind }),
    caption: t.exposeString('caption', { nullable: true }),
  }),
});

builder.node(LocationRef, {
  id: { resolve: (l) => l.id },
  isTypeOf: (l) => typeof l === 'object' && l !== null && 'contentHash' in l,
  fields: (t) => ({
    storeCode: t.string({ resolve: (l) => l.data.storeCode }),
    name: t.string({ resolve: (l) => l.data.name }),
    localizedNames: t.field({ type: [LocalizedNameRef], resolve: (l) => l.data.localizedNames }),
    status: t.field({ type: LocationStatusEnum, resolve: (l) => l.data.status }),
    statusDate: t.field({
      type: 'Date',
      nullable: true,
      description: 'Reopening date when CLOSED_TEMPORARILY, opening date when OPENING_SOON.',
      resolve: (l) => l.data.statusDate,
    }),
    address: t.field({ type: AddressRef, resolve: (l) => l.data.address }),
    latitude: t.float({ nullable: true, resolve: (l) => l.data.latitude }),
    longitude: t.float({ nullable: true, resolve: (l) => l.data.longitude }),
    primaryPhone: t.string({ nullable: true, description: 'E.164.', resolve: (l) => l.data.primaryPhone }),
    additionalPhones: t.stringList({ resolve: (l) => l.data.additionalPhones }),
    website: t.string({ nullable: true, resolve: (l) => l.data.website }),
    socialProfiles: t.field({ type: [SocialProfileRef], resolve: (l) => l.data.socialProfiles }),
    primaryCategory: t.string({ description: 'A Tenpo category id (see `categories`).', resolve: (l) => l.data.primaryCategory }),
    additionalCategories: t.stringList({ resolve: (l) => l.data.additionalCategories }),
    description: t.string({ nullable: true, resolve: (l) => l.data.description }),
    labels: t.stringList({ resolve: (l) => l.data.labels }),
    regularHours: t.field({ type: [DayHoursRef], resolve: (l) => l.data.regularHours }),
    specialHours: t.field({ type: [SpecialHoursRef], resolve: (l) => l.data.specialHours }),
    attributes: t.field({ type: [AttributeRef], resolve: (l) => l.data.attributes }),
    photos: t.field({ type: [PhotoRef], resolve: (l) => l.data.photos }),
    groups: t.stringList({ description: 'Names of the location groups it belongs to.', resolve: (l, _a, ctx) => ctx.loaders.groupNames.load(l.id) }),
    version: t.int({ description: 'Pass as expectedVersion when updating.', resolve: (l) => l.version }),
    archived: t.boolean({ resolve: (l) => l.archivedAt !== null }),
    archivedAt: t.field({ type: 'DateTime', nullable: true, resolve: (l) => l.archivedAt }),
    createdAt: t.field({ type: 'DateTime', resolve: (l) => l.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (l) => l.updatedAt }),
    organization: t.field({
      type: OrganizationRef,
      resolve: async (l, _a, ctx) => (await ctx.loaders.organization.load(l.orgId))!,
    }),
  }),
});

builder.node(LocationGroupRef, {
  id: { resolve: (g) => g.id },
  isTypeOf: (g) => typeof g === 'object' && g !== null && 'name' in g && 'org_id' in g && !('kind' in g),
  fields: (t) => ({
    name: t.exposeString('name'),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
  }),
});

export interface AuditEntryShape {
  id: string;
  version: number;
  action: string;
  actor_kind: string;
  actor_label: string;
  changes: FieldChange[];
  created_at: Date;
}

const FieldChangeRef = builder.objectRef<FieldChange>('FieldChange').implement({
  fields: (t) => ({
    field: t.exposeString('field'),
    from: t.field({ type: 'JSON', nullable: true, resolve: (c) => c.from }),
    to: t.field({ type: 'JSON', nullable: true, resolve: (c) => c.to }),
  }),
});

const AuditActionEnum = builder.enumType('AuditAction', { values: ['CREATE', 'UPDATE', 'ARCHIVE', 'RESTORE'] as const });
const ActorKindEnum = builder.enumType('ActorKind', { values: ['USER', 'API_KEY', 'SYSTEM'] as const });

export const AuditEntryRef = builder.objectRef<AuditEntryShape>('AuditEntry').implement({
  description: 'One change to a location: who changed which fields, from what to what.',
  fields: (t) => ({
    version: t.exposeInt('version', { description: 'The version the change produced.' }),
    action: t.field({ type: AuditActionEnum, resolve: (e) => e.action as 'CREATE' }),
    actorKind: t.field({ type: ActorKindEnum, resolve: (e) => e.actor_kind as 'USER' }),
    actor: t.exposeString('actor_label', { description: "The user's email, or the API key's prefix." }),
    changes: t.field({ type: [FieldChangeRef], resolve: (e) => e.changes }),
    at: t.expose('created_at', { type: 'DateTime' }),
  }),
});

import { GraphQLError } from 'graphql';
import { actorOf } from '../../auth/principal.ts';
import { builder } from '../../graphql/builder.ts';
import { requireCaller } from '../../graphql/auth.ts';
import type { Context } from '../../graphql/context.ts';
import { idOf } from '../../graphql/ids.ts';
import { connectionOf, decodeCursor, encodeCursor, forwardPage } from '../../graphql/pagination.ts';
import { failure, payloadType, toPayload } from '../../graphql/payload.ts';
import { OrganizationRef } from '../../graphql/refs.ts';
import { isUuid } from '../../lib/ids.ts';
import { organizationNotFound } from '../../locations/model.ts';
import { addAddressKind, publishRuleset, updateSettings, useDefaultRuleset } from '../admin.ts';
import { FEATURES, type FeatureSpec } from '../features/catalog.ts';
import { missingModuleInsights, type ModuleInsight } from '../insights.ts';
import { addListEntry, listEntries, removeListEntry, type ListEntryRow } from '../lists.ts';
import { ADDRESS_KINDS } from '../model.ts';
import { loadSettings, type FraudSettings } from '../settings.ts';
import { monthlyUsage, type Usage } from '../usage.ts';
import { requireFraud } from './screening.ts';
import { EntityKindEnum, FraudListEnum, FraudModuleEnum, LocalizedTextRef, ScreeningKindEnum } from './types.ts';

const SettingsRef = builder.objectRef<FraudSettings>('FraudSettings').implement({
  fields: (t) => ({
    modules: t.field({ type: [FraudModuleEnum], resolve: (s) => s.modules }),
    shareNegativeData: t.exposeBoolean('shareNegativeData', { description: 'Confirmed fraud is shared (as keyed hashes) and others’ is matched.' }),
    homeCountry: t.exposeString('homeCountry'),
    plan: t.exposeString('plan'),
    rulesetVersion: t.exposeString('rulesetVersion'),
    thresholds: t.field({ type: 'JSON', description: '{ review, ng }: scores at or above them give REVIEW and NG.', resolve: (s) => s.ruleset.thresholds }),
    ruleset: t.field({ type: 'JSON', description: 'The rules in force, in the format publishFraudRules takes.', resolve: (s) => s.ruleset }),
  }),
});

const UsageRef = builder.objectRef<Usage>('FraudUsage').implement({
  fields: (t) => ({
    month: t.exposeString('month'),
    total: t.exposeInt('total'),
    included: t.exposeInt('included', { description: 'Screenings the plan includes each month.' }),
    overage: t.exposeInt('overage'),
    byKind: t.field({
      type: [builder.objectRef<Usage['byKind'][number]>('FraudUsageByKind').implement({ fields: (f) => ({ kind: f.field({ type: ScreeningKindEnum, resolve: (k) => k.kind }), screenings: f.exposeInt('screenings') }) })],
      resolve: (u) => u.byKind,
    }),
    byModule: t.field({
      type: [builder.objectRef<Usage['byModule'][number]>('FraudUsageByModule').implement({ fields: (f) => ({ module: f.field({ type: FraudModuleEnum, resolve: (m) => m.module }), screenings: f.exposeInt('screenings') }) })],
      resolve: (u) => u.byModule,
    }),
  }),
});

const InsightRef = builder.objectRef<ModuleInsight>('FraudModuleInsight').implement({
  description: 'What a module this organisation does not have would have caught, with the counts behind it.',
  fields: (t) => ({
    module: t.field({ type: FraudModuleEnum, resolve: (i) => i.module }),
    identities: t.exposeInt('identities'),
    organisations: t.exposeInt('organisations'),
    decisions: t.exposeInt('decisions'),
    message: t.field({ type: LocalizedTextRef, resolve: (i) => i.message }),
  }),
});

const ListEntryRef = builder.objectRef<ListEntryRow>('FraudListEntry').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    list: t.field({ type: FraudListEnum, resolve: (e) => e.list as 'ALLOW' | 'BLOCK' }),
    kind: t.field({ type: EntityKindEnum, resolve: (e) => e.kind as never }),
    display: t.exposeString('display', { description: 'Masked: the value itself is kept only as a keyed hash.' }),
    reason: t.exposeString('reason'),
    startsAt: t.expose('starts_at', { type: 'DateTime' }),
    expiresAt: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.expires_at }),
    fromCase: t.boolean({ resolve: (e) => e.case_id !== null }),
    createdBy: t.exposeString('created_by'),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
  }),
});

const FeatureRef = builder.objectRef<FeatureSpec & { name: string }>('FraudFeature').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    type: t.exposeString('type'),
    kinds: t.field({ type: [ScreeningKindEnum], resolve: (f) => [...f.kinds] }),
    description: t.exposeString('description'),
  }),
});

async function guard(ctx: Context, org: { id: string }, permission: 'administer' | 'reviewFraud'): Promise<boolean> {
  return ctx.access.can(org.id, permission);
}

builder.objectFields(OrganizationRef, (t) => ({
  fraudSettings: t.field({ type: SettingsRef, nullable: true, description: 'Null without the OWNER, ADMIN or EDITOR role.', resolve: async (o, _a, ctx) => ((await guard(ctx, o, 'reviewFraud')) ? loadSettings(ctx.db, o.id) : null) }),
  fraudUsage: t.field({
    type: UsageRef,
    nullable: true,
    args: { month: t.arg.string({ required: false, description: 'YYYY-MM (UTC); this month when omitted.' }) },
    resolve: async (o, { month }, ctx) => {
      if (!(await guard(ctx, o, 'reviewFraud'))) return null;
      const m = month ?? new Date().toISOString().slice(0, 7);
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(m)) throw new GraphQLError('month must be YYYY-MM.', { extensions: { code: 'BAD_USER_INPUT' } });
      return monthlyUsage(ctx.db, o.id, m, (await loadSettings(ctx.db, o.id)).plan);
    },
  }),
  fraudInsights: t.field({
    type: [InsightRef],
    description: 'Modules this organisation lacks that would have caught fraud linked to its customers.',
    resolve: async (o, _a, ctx) => ((await guard(ctx, o, 'reviewFraud')) ? missingModuleInsights(ctx.db, await loadSettings(ctx.db, o.id)) : []),
  }),
  fraudListEntries: t.connection({
    type: ListEntryRef,
    args: { list: t.arg({ type: FraudListEnum, required: false }) },
    resolve: async (o, args, ctx) => {
      if (!(await guard(ctx, o, 'reviewFraud'))) return connectionOf([], 0, () => '');
      const page = forwardPage(args);
      const after = page.after ? decodeCursor(page.after, 2) : null;
      if (after && !isUuid(after[1])) throw new GraphQLError('Invalid cursor.', { extensions: { code: 'BAD_USER_INPUT' } });
      const rows = await listEntries(ctx.db, o.id, args.list ?? null, after ? { createdKey: after[0]!, id: after[1]! } : null, page.first + 1);
      return connectionOf(rows, page.first, (e) => encodeCursor([e.created_key, e.id]));
    },
  }),
}));

builder.queryField('fraudFeatureCatalog', (t) =>
  t.field({
    type: [FeatureRef],
    description: 'Every feature a fraud rule can test.',
    resolve: () => Object.entries(FEATURES).map(([name, spec]) => ({ name, ...spec })),
  }),
);

const SettingsPayload = payloadType('FraudSettingsPayload', 'settings', SettingsRef);
const ListEntryPayload = payloadType('FraudListEntryPayload', 'entry', ListEntryRef);
const AddressKindEnum = builder.enumType('FraudAddressKind', { values: ADDRESS_KINDS });
const AddressKindPayload = payloadType(
  'FraudAddressKindPayload',
  'addressKind',
  builder.objectRef<{ id: string; kind: (typeof ADDRESS_KINDS)[number]; label: string; premisesKey: string }>('FraudAddressKindEntry').implement({
    fields: (t) => ({ kind: t.field({ type: AddressKindEnum, resolve: (a) => a.kind }), label: t.exposeString('label'), premisesKey: t.exposeString('premisesKey') }),
  }),
);

/** The organisation an admin mutation names, when the caller may administer it. */
async function adminOrg(ctx: Context, organizationId: string | number): Promise<{ id: string } | { error: ReturnType<typeof failure> }> {
  requireCaller(ctx);
  const id = idOf(String(organizationId), 'Organization');
  if (!id || !(await ctx.access.roleIn(id))) return { error: { value: null, errors: [organizationNotFound()] } };
  if (!(await ctx.access.can(id, 'administer'))) return { error: failure('FORBIDDEN', [], 'Fraud settings, rules and lists need the OWNER or ADMIN role.') };
  return { id };
}

builder.mutationFields((t) => ({
  updateFraudSettings: t.field({
    type: SettingsPayload,
    args: {
      input: t.arg({
        type: builder.inputType('UpdateFraudSettingsInput', {
          fields: (f) => ({
            organizationId: f.id(),
            modules: f.field({ type: [FraudModuleEnum], required: false }),
            shareNegativeData: f.boolean({ required: false }),
            homeCountry: f.string({ required: false }),
            plan: f.string({ required: false, description: 'LIGHT, STANDARD or ENTERPRISE.' }),
          }),
        }),
      }),
    },
    resolve: async (_r, { input }, ctx) => {
      const org = await adminOrg(ctx, input.organizationId);
      if ('error' in org) return org.error;
      const { organizationId: _, ...patch } = input;
      return toPayload(await updateSettings(ctx.db, org.id, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== null && v !== undefined))));
    },
  }),
  publishFraudRules: t.field({
    type: SettingsPayload,
    description: 'Validates a ruleset ({ thresholds, rules }) against fraudFeatureCatalog and puts it in force as the next version.',
    args: { input: t.arg({ type: builder.inputType('PublishFraudRulesInput', { fields: (f) => ({ organizationId: f.id(), ruleset: f.field({ type: 'JSON' }) }) }) }) },
    resolve: async (_r, { input }, ctx) => {
      const org = await adminOrg(ctx, input.organizationId);
      if ('error' in org) return org.error;
      return toPayload(await publishRuleset(ctx.db, actorOf(ctx.access.principal), org.id, input.ruleset));
    },
  }),
  useDefaultFraudRules: t.field({
    type: SettingsPayload,
    args: { input: t.arg({ type: builder.inputType('UseDefaultFraudRulesInput', { fields: (f) => ({ organizationId: f.id() }) }) }) },
    resolve: async (_r, { input }, ctx) => {
      const org = await adminOrg(ctx, input.organizationId);
      if ('error' in org) return org.error;
      return { value: await useDefaultRuleset(ctx.db, org.id), errors: [] };
    },
  }),
  addFraudListEntry: t.field({
    type: ListEntryPayload,
    args: {
      input: t.arg({
        type: builder.inputType('AddFraudListEntryInput', {
          fields: (f) => ({
            organizationId: f.id(),
            list: f.field({ type: FraudListEnum }),
            kind: f.field({ type: EntityKindEnum }),
            value: f.string({ description: 'As typed: it is normalized like screened identities, then kept only as a keyed hash.' }),
            country: f.string({ required: false, description: 'For an ADDRESS; JP when omitted.' }),
            reason: f.string(),
            startsAt: f.field({ type: 'DateTime', required: false }),
            expiresAt: f.field({ type: 'DateTime', required: false }),
          }),
        }),
      }),
    },
    resolve: async (_r, { input }, ctx) => {
      const org = await adminOrg(ctx, input.organizationId);
      if ('error' in org) return org.error;
      const fraud = requireFraud(ctx);
      return toPayload(
        await addListEntry(fraud, actorOf(ctx.access.principal), org.id, {
          list: input.list,
          kind: input.kind,
          value: input.value,
          country: input.country ?? undefined,
          reason: input.reason,
          startsAt: input.startsAt ?? undefined,
          expiresAt: input.expiresAt ?? undefined,
        }),
      );
    },
  }),
  removeFraudListEntry: t.field({
    type: ListEntryPayload,
    args: { input: t.arg({ type: builder.inputType('RemoveFraudListEntryInput', { fields: (f) => ({ organizationId: f.id(), id: f.id() }) }) }) },
    resolve: async (_r, { input }, ctx) => {
      const org = await adminOrg(ctx, input.organizationId);
      if ('error' in org) return org.error;
      if (!isUuid(String(input.id))) return failure('NOT_FOUND', ['id'], 'No such list entry.');
      return toPayload(await removeListEntry(ctx.db, org.id, String(input.id)));
    },
  }),
  addFraudAddressKind: t.field({
    type: AddressKindPayload,
    description: 'Marks an address as a hotel, weekly apartment, forwarding service, PO box or hold-at-office point.',
    args: {
      input: t.arg({
        type: builder.inputType('AddFraudAddressKindInput', {
          fields: (f) => ({ organizationId: f.id(), address: f.string(), kind: f.field({ type: AddressKindEnum }), label: f.string() }),
        }),
      }),
    },
    resolve: async (_r, { input }, ctx) => {
      const org = await adminOrg(ctx, input.organizationId);
      if ('error' in org) return org.error;
      const { organizationId: _, ...rest } = input;
      return toPayload(await addAddressKind(ctx.db, org.id, rest, ctx.fraud?.normalizeAddress));
    },
  }),
}));

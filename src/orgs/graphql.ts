import { builder } from '../graphql/builder.ts';
import { requireCaller } from '../graphql/auth.ts';
import { idOf } from '../graphql/ids.ts';
import { payloadType, toPayload } from '../graphql/payload.ts';
import { ApiKeyRef, ApiKeyRoleEnum, LocationGroupRef, MemberRef, OrganizationRef, RoleEnum, UserRef } from '../graphql/refs.ts';
import { listGroups } from '../locations/groups.ts';
import { addMember, assignStoreManager, createClientOrganization, visibleOrganizations } from './service.ts';

const OrganizationKindEnum = builder.enumType('OrganizationKind', {
  values: {
    AGENCY: { description: 'Manages client organisations.' },
    BRAND: { description: 'A retail chain or business with its own locations.' },
  } as const,
});

builder.node(OrganizationRef, {
  id: { resolve: (o) => o.id },
  isTypeOf: (o) => typeof o === 'object' && o !== null && 'kind' in o && 'agency_id' in o,
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.field({ type: OrganizationKindEnum, resolve: (o) => o.kind }),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    agency: t.field({
      type: OrganizationRef,
      nullable: true,
      description: 'The agency that manages this organisation, when the caller may see it.',
      resolve: async (o, _a, ctx) => (o.agency_id && (await ctx.access.roleIn(o.agency_id)) ? ctx.loaders.organization.load(o.agency_id) : null),
    }),
    clients: t.field({
      type: [OrganizationRef],
      description: "An agency's client organisations.",
      resolve: (o, _a, ctx) =>
        ctx.db.selectFrom('organizations').selectAll().where('agency_id', '=', o.id).orderBy('name').execute(),
    }),
    viewerRole: t.field({
      type: RoleEnum,
      description: "The caller's role here, direct or through its agency.",
      resolve: async (o, _a, ctx) => (await ctx.access.roleIn(o.id))!,
    }),
    groups: t.field({ type: [LocationGroupRef], resolve: (o, _a, ctx) => listGroups(ctx.db, o.id) }),
    members: t.field({
      type: [MemberRef],
      nullable: true,
      description: 'People with a role here; null unless the caller is an OWNER or ADMIN.',
      resolve: async (o, _a, ctx) => {
        if (!(await ctx.access.can(o.id, 'administer'))) return null;
        const rows = await ctx.db
          .selectFrom('memberships')
          .innerJoin('users', 'users.id', 'memberships.user_id')
          .selectAll('users')
          .select('memberships.role')
          .where('memberships.org_id', '=', o.id)
          .orderBy('users.email')
          .execute();
        return rows.map(({ role, ...user }) => ({ user, role }));
      },
    }),
    apiKeys: t.field({
      type: [ApiKeyRef],
      nullable: true,
      description: 'API keys (never the keys themselves); null unless the caller is an OWNER or ADMIN.',
      resolve: async (o, _a, ctx) =>
        (await ctx.access.can(o.id, 'administer'))
          ? ctx.db.selectFrom('api_keys').selectAll().where('org_id', '=', o.id).orderBy('created_at', 'desc').execute()
          : null,
    }),
  }),
});

UserRef.implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
    name: t.exposeString('name'),
  }),
});

MemberRef.implement({
  fields: (t) => ({
    user: t.field({ type: UserRef, resolve: (m) => m.user }),
    role: t.field({ type: RoleEnum, resolve: (m) => m.role }),
  }),
});

ApiKeyRef.implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'The visible start of the key, to tell keys apart.' }),
    role: t.field({ type: ApiKeyRoleEnum, resolve: (k) => k.role }),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    lastUsedAt: t.expose('last_used_at', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revoked_at', { type: 'DateTime', nullable: true }),
  }),
});

const PrincipalKindEnum = builder.enumType('PrincipalKind', { values: ['USER', 'API_KEY', 'ANONYMOUS'] as const });

const ViewerRef = builder.objectRef<object>('Viewer').implement({
  description: 'Who is calling.',
  fields: (t) => ({
    kind: t.field({ type: PrincipalKindEnum, resolve: (_v, _a, ctx) => ctx.access.principal.kind }),
    user: t.field({
      type: UserRef,
      nullable: true,
      resolve: (_v, _a, ctx) => {
        const p = ctx.access.principal;
        return p.kind === 'USER'
          ? (ctx.db.selectFrom('users').selectAll().where('id', '=', p.userId).executeTakeFirst().then((u) => u ?? null))
          : null;
      },
    }),
    apiKey: t.field({
      type: ApiKeyRef,
      nullable: true,
      resolve: (_v, _a, ctx) => {
        const p = ctx.access.principal;
        return p.kind === 'API_KEY'
          ? ctx.db.selectFrom('api_keys').selectAll().where('id', '=', p.keyId).executeTakeFirst().then((k) => k ?? null)
          : null;
      },
    }),
    organizations: t.field({
      type: [OrganizationRef],
      description: 'Organisations the caller may act in: its own and, for an agency, its clients.',
      resolve: (_v, _a, ctx) => visibleOrganizations(ctx.db, ctx.access),
    }),
  }),
});

builder.queryFields((t) => ({
  viewer: t.field({ type: ViewerRef, resolve: () => ({}) }),
  organizations: t.field({
    type: [OrganizationRef],
    resolve: (_r, _a, ctx) => {
      requireCaller(ctx);
      return visibleOrganizations(ctx.db, ctx.access);
    },
  }),
}));

const OrganizationPayload = payloadType('OrganizationPayload', 'organization', OrganizationRef);
const MemberPayload = payloadType('MemberPayload', 'member', MemberRef);
const AssignmentPayload = payloadType('AssignStoreManagerPayload', 'assigned', builder.objectRef<boolean>('Assigned').implement({
  fields: (t) => ({ ok: t.boolean({ resolve: (v) => v }) }),
}));

/** Stands in for an id that did not decode, so the service answers NOT_FOUND as for any unknown id. */
const NO_ID = '00000000-0000-0000-0000-000000000000';

function orgIdArg(globalId: string): string {
  return idOf(globalId, 'Organization') ?? NO_ID;
}

builder.mutationFields((t) => ({
  createClientOrganization: t.field({
    type: OrganizationPayload,
    description: "An agency's OWNER or ADMIN adds a client organisation.",
    args: {
      input: t.arg({
        type: builder.inputType('CreateClientOrganizationInput', {
          fields: (f) => ({ agencyId: f.id(), name: f.string() }),
        }),
      }),
    },
    resolve: async (_r, { input }, ctx) => {
      requireCaller(ctx);
      return toPayload(await createClientOrganization(ctx.db, ctx.access, { agencyId: orgIdArg(String(input.agencyId)), name: input.name }));
    },
  }),
  addMember: t.field({
    type: MemberPayload,
    description: 'Adds a person with a role; a new email needs an initial password.',
    args: {
      input: t.arg({
        type: builder.inputType('AddMemberInput', {
          fields: (f) => ({
            organizationId: f.id(),
            email: f.string(),
            name: f.string({ required: false }),
            password: f.string({ required: false }),
            role: f.field({ type: RoleEnum }),
          }),
        }),
      }),
    },
    resolve: async (_r, { input }, ctx) => {
      requireCaller(ctx);
      return toPayload(
        await addMember(ctx.db, ctx.access, {
          orgId: orgIdArg(String(input.organizationId)),
          email: input.email,
          name: input.name ?? null,
          password: input.password ?? null,
          role: input.role,
        }),
      );
    },
  }),
  assignStoreManager: t.field({
    type: AssignmentPayload,
    description: 'Gives a store manager one location or a whole location group.',
    args: {
      input: t.arg({
        type: builder.inputType('AssignStoreManagerInput', {
          fields: (f) => ({
            organizationId: f.id(),
            userId: f.id(),
            locationId: f.id({ required: false }),
            groupId: f.id({ required: false }),
          }),
        }),
      }),
    },
    resolve: async (_r, { input }, ctx) => {
      requireCaller(ctx);
      return toPayload(
        await assignStoreManager(ctx.db, ctx.access, {
          orgId: orgIdArg(String(input.organizationId)),
          userId: String(input.userId),
          locationId: input.locationId ? (idOf(String(input.locationId), 'Location') ?? NO_ID) : null,
          groupId: input.groupId ? (idOf(String(input.groupId), 'LocationGroup') ?? NO_ID) : null,
        }),
      );
    },
  }),
}));

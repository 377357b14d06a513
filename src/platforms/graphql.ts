import { GraphQLError } from 'graphql';
import type { JsonValue } from '../../connectors/runtime/connector.ts';
import { builder } from '../graphql/builder.ts';
import { requireCaller } from '../graphql/auth.ts';
import type { Context } from '../graphql/context.ts';
import { idOf } from '../graphql/ids.ts';
import { failure, payloadType, toPayload } from '../graphql/payload.ts';
import { OrganizationRef, PlatformConnectionRef } from '../graphql/refs.ts';
import type { Engine } from '../listings/engine.ts';
import { organizationNotFound } from '../locations/model.ts';
import { listConnections } from './repository.ts';
import { connectPlatform, disconnectPlatform } from './service.ts';

export function requireEngine(ctx: Context): Engine {
  if (!ctx.engine) throw new GraphQLError('Syncing is not available on this server (no queue connection).', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
  return ctx.engine;
}

const ConnectionStatusEnum = builder.enumType('PlatformConnectionStatus', {
  values: {
    ACTIVE: { description: 'Listings sync.' },
    ACTION_REQUIRED: { description: 'The credentials stopped working; reconnect the account (see statusMessage).' },
    DISCONNECTED: { description: 'Disconnected by a user; nothing syncs.' },
  } as const,
});

builder.node(PlatformConnectionRef, {
  id: { resolve: (c) => c.id },
  isTypeOf: (c) => typeof c === 'object' && c !== null && 'external_account' in c,
  description: "An organisation's account on a platform. Its credentials are stored encrypted and never returned.",
  fields: (t) => ({
    platform: t.exposeString('platform'),
    account: t.exposeString('external_account', { description: 'The account on the platform, e.g. "accounts/123".' }),
    displayName: t.exposeString('display_name'),
    status: t.field({ type: ConnectionStatusEnum, resolve: (c) => c.status }),
    statusMessage: t.exposeString('status_message', { nullable: true, description: 'What to do when the status is ACTION_REQUIRED.' }),
    createListings: t.boolean({
      description: 'Whether stores with no listing on the platform get one created by Tenpo.',
      resolve: (c) => (c.settings as Record<string, unknown>).createListings !== false,
    }),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    updatedAt: t.expose('updated_at', { type: 'DateTime' }),
    organization: t.field({ type: OrganizationRef, resolve: async (c, _a, ctx) => (await ctx.loaders.organization.load(c.org_id))! }),
  }),
});

builder.objectField(OrganizationRef, 'platformConnections', (t) =>
  t.field({ type: [PlatformConnectionRef], resolve: (o, _a, ctx) => listConnections(ctx.db, o.id) }),
);

const ConnectionPayload = payloadType('PlatformConnectionPayload', 'connection', PlatformConnectionRef);

builder.mutationFields((t) => ({
  connectPlatform: t.field({
    type: ConnectionPayload,
    description: 'Connects (or reconnects) a platform account. The credentials are checked with the platform, then stored encrypted.',
    args: {
      input: t.arg({
        type: builder.inputType('ConnectPlatformInput', {
          fields: (f) => ({
            organizationId: f.id(),
            platform: f.string({ description: 'A `platforms` id, e.g. "google".' }),
            account: f.string({ required: false, description: 'The account to connect, e.g. "accounts/123"; the first one the credentials reach when omitted.' }),
            credentials: f.field({ type: 'JSON', description: 'As the platform\'s `authKind` says: Google { refreshToken }; publisher and feed platforms { apiKey }; aggregator and manual platforms {}.' }),
            settings: f.field({ type: 'JSON', required: false, description: 'Connector settings, e.g. { "endpoint": "https://…" } from a partner agreement.' }),
            createListings: f.boolean({ required: false, defaultValue: true, description: 'Create listings for stores that have none on the platform.' }),
          }),
        }),
      }),
    },
    resolve: async (_r, { input }, ctx) => {
      requireCaller(ctx);
      const engine = requireEngine(ctx);
      const orgId = idOf(String(input.organizationId), 'Organization');
      if (!orgId) return { value: null, errors: [organizationNotFound()] };
      const extra = input.settings && typeof input.settings === 'object' && !Array.isArray(input.settings) ? (input.settings as Record<string, JsonValue>) : {};
      const settings: Record<string, JsonValue> = { ...extra, createListings: input.createListings ?? true };
      return toPayload(await connectPlatform(engine, ctx.access, { orgId, platform: input.platform, account: input.account ?? null, credentials: input.credentials, settings }));
    },
  }),
  disconnectPlatform: t.field({
    type: ConnectionPayload,
    args: { input: t.arg({ type: builder.inputType('DisconnectPlatformInput', { fields: (f) => ({ id: f.id() }) }) }) },
    resolve: async (_r, { input }, ctx) => {
      requireCaller(ctx);
      const engine = requireEngine(ctx);
      const id = idOf(String(input.id), 'PlatformConnection');
      if (!id) return failure('NOT_FOUND', ['id'], 'No such platform connection, or you may not see it.');
      return toPayload(await disconnectPlatform(engine, ctx.access, id));
    },
  }),
}));

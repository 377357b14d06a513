import { builder } from '../graphql/builder.ts';
import { requireCaller } from '../graphql/auth.ts';
import { idOf } from '../graphql/ids.ts';
import { failure, payloadType, toPayload } from '../graphql/payload.ts';
import { ApiKeyRef, ApiKeyRoleEnum, UserRef } from '../graphql/refs.ts';
import type { ApiKeyRow, UserRow } from '../db/schema.ts';
import { isUuid } from '../lib/ids.ts';
import { organizationNotFound } from '../locations/model.ts';
import { createApiKey, revokeApiKey, signIn, signOut } from './service.ts';

const SessionRef = builder.objectRef<{ token: string; expiresAt: Date; user: UserRow }>('Session').implement({
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Send as "Authorization: Bearer <token>".' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    user: t.field({ type: UserRef, resolve: (s) => s.user }),
  }),
});

const CreatedApiKeyRef = builder.objectRef<{ key: string; record: ApiKeyRow }>('CreatedApiKey').implement({
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The key itself. Shown this once: Tenpo keeps only a hash.' }),
    apiKey: t.field({ type: ApiKeyRef, resolve: (k) => k.record }),
  }),
});

const SignInPayload = payloadType('SignInPayload', 'session', SessionRef);
const CreateApiKeyPayload = payloadType('CreateApiKeyPayload', 'created', CreatedApiKeyRef);
const RevokeApiKeyPayload = payloadType('RevokeApiKeyPayload', 'apiKey', ApiKeyRef);

builder.mutationFields((t) => ({
  signIn: t.field({
    type: SignInPayload,
    args: {
      input: t.arg({
        type: builder.inputType('SignInInput', { fields: (f) => ({ email: f.string(), password: f.string() }) }),
      }),
    },
    resolve: async (_r, { input }, ctx) => toPayload(await signIn(ctx.db, input)),
  }),
  signOut: t.boolean({
    description: "Ends the caller's session; false when the caller is not a signed-in user.",
    resolve: (_r, _a, ctx) => signOut(ctx.db, ctx.access),
  }),
  createApiKey: t.field({
    type: CreateApiKeyPayload,
    args: {
      input: t.arg({
        type: builder.inputType('CreateApiKeyInput', {
          fields: (f) => ({ organizationId: f.id(), name: f.string(), role: f.field({ type: ApiKeyRoleEnum }) }),
        }),
      }),
    },
    resolve: async (_r, { input }, ctx) => {
      requireCaller(ctx);
      const orgId = idOf(String(input.organizationId), 'Organization');
      if (!orgId) return { value: null, errors: [organizationNotFound()] };
      return toPayload(await createApiKey(ctx.db, ctx.access, { orgId, name: input.name, role: input.role }));
    },
  }),
  revokeApiKey: t.field({
    type: RevokeApiKeyPayload,
    args: {
      input: t.arg({ type: builder.inputType('RevokeApiKeyInput', { fields: (f) => ({ id: f.id() }) }) }),
    },
    resolve: async (_r, { input }, ctx) => {
      requireCaller(ctx);
      const id = String(input.id);
      if (!isUuid(id)) return failure('NOT_FOUND', ['id'], 'No such API key.');
      return toPayload(await revokeApiKey(ctx.db, ctx.access, id));
    },
  }),
}));

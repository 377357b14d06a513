import { GraphQLError } from 'graphql';
import type { z } from 'zod';
import { builder } from '../../graphql/builder.ts';
import { requireCaller } from '../../graphql/auth.ts';
import type { Context } from '../../graphql/context.ts';
import { targetOrganization } from '../../graphql/organization.ts';
import { failure, payloadType, toPayload, type Payload } from '../../graphql/payload.ts';
import { FraudDecisionRef } from '../../graphql/refs.ts';
import { inputErrors, organizationNotFound } from '../../locations/model.ts';
import { CountersUnavailableError } from '../counters.ts';
import type { FraudEngine } from '../engine.ts';
import { loginSchema, orderSchema, PAYMENT_METHODS, reviewSchema, signupSchema, type ScreeningInput } from '../inputs.ts';
import type { Decision } from '../model.ts';
import { screen } from '../screen.ts';

export function requireFraud(ctx: Context): FraudEngine {
  if (!ctx.fraud) throw new GraphQLError('Screening is not available on this server (no Redis connection).', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
  return ctx.fraud;
}

/**
 * GraphQL sends absent optional fields as null; the schemas (and the stored input) want them
 * absent. A JSON argument (the behaviour summary) is the client's own value and kept as sent.
 */
function withoutNulls(value: unknown, verbatim = false): unknown {
  if (verbatim || value instanceof Date || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => withoutNulls(v));
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, withoutNulls(v, k === 'behavior')]));
}

const AddressInput = builder.inputType('ScreeningAddressInput', {
  fields: (f) => ({
    country: f.string({ required: false, description: 'ISO 3166-1 alpha-2; JP when omitted.' }),
    postalCode: f.string({ required: false }),
    line: f.string({ description: 'The whole address as written, e.g. "東京都港区赤坂4-3-2 赤坂ビル101".' }),
  }),
});

const PartyInput = builder.inputType('ScreeningPartyInput', {
  fields: (f) => ({
    name: f.string({ required: false }),
    email: f.string({ required: false }),
    phone: f.string({ required: false }),
    address: f.field({ type: AddressInput, required: false }),
  }),
});

const ContextInput = builder.inputType('ScreeningContextInput', {
  fields: (f) => ({
    ip: f.string({ required: false }),
    device: f.field({
      type: builder.inputType('ScreeningDeviceInput', {
        fields: (d) => ({
          id: d.string({ required: false, description: 'Device fingerprint id.' }),
          userAgent: d.string({ required: false }),
          language: d.string({ required: false, description: 'BCP 47, e.g. ja-JP.' }),
          timezone: d.string({ required: false, description: 'IANA zone, e.g. Asia/Tokyo.' }),
        }),
      }),
      required: false,
    }),
    behavior: f.field({ type: 'JSON', required: false, description: 'What `TenpoSignals.collect()` of /fraud/collector.js returned.' }),
    occurredAt: f.field({ type: 'DateTime', required: false, description: 'When it happened; now when omitted.' }),
  }),
});

const PaymentMethodEnum = builder.enumType('PaymentMethod', { values: PAYMENT_METHODS });

const ScreeningPayload = payloadType('ScreeningPayload', 'decision', FraudDecisionRef);

async function run<S extends z.ZodType>(ctx: Context, organizationId: unknown, schema: S, raw: unknown, toScreening: (input: z.output<S>) => ScreeningInput): Promise<Payload<Decision>> {
  requireCaller(ctx);
  const fraud = requireFraud(ctx);
  const org = await targetOrganization(ctx, organizationId ? String(organizationId) : null);
  if (!org) return { value: null, errors: [organizationNotFound()] };
  if (!(await ctx.access.can(org.id, 'screen'))) return failure('FORBIDDEN', [], 'Screening needs the OWNER, ADMIN or EDITOR role.');
  const parsed = schema.safeParse(withoutNulls(raw));
  if (!parsed.success) return { value: null, errors: inputErrors(parsed.error) };
  try {
    return toPayload(await screen(fraud, org.id, toScreening(parsed.data)));
  } catch (err) {
    if (!(err instanceof CountersUnavailableError)) throw err;
    ctx.log.error({ err }, 'screening failed: Redis unavailable');
    // Nothing was stored: the merchant decides whether to let the order through unscreened.
    throw new GraphQLError('Screening is unavailable right now (Redis cannot be reached); retry, or apply your fallback policy.', {
      extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
    });
  }
}

const orgArg = { required: false, description: 'Optional for an API key of one organisation.' } as const;

builder.mutationFields((t) => ({
  screenOrder: t.field({
    type: ScreeningPayload,
    description: 'Screens an e-commerce order before it is accepted: OK, REVIEW (a case opens) or NG, with reasons.',
    args: {
      input: t.arg({
        type: builder.inputType('ScreenOrderInput', {
          fields: (f) => ({
            organizationId: f.id(orgArg),
            orderId: f.string({ description: 'Your order id: screening it again answers with the first decision.' }),
            amount: f.float(),
            currency: f.string({ description: 'ISO 4217, e.g. JPY.' }),
            paymentMethod: f.field({ type: PaymentMethodEnum, required: false }),
            account: f.field({
              type: builder.inputType('ScreeningAccountInput', { fields: (a) => ({ id: a.string({ required: false }), createdAt: a.field({ type: 'DateTime', required: false }) }) }),
              required: false,
            }),
            billing: f.field({ type: PartyInput }),
            shipping: f.field({ type: PartyInput, required: false, description: 'Omit when it ships to the billing party.' }),
            items: f.field({
              type: [builder.inputType('ScreeningItemInput', { fields: (i) => ({ sku: i.string(), quantity: i.int(), unitPrice: i.float() }) })],
              required: false,
            }),
            context: f.field({ type: ContextInput, required: false }),
          }),
        }),
      }),
    },
    resolve: (_r, { input }, ctx) => {
      const { organizationId, ...rest } = input;
      return run(ctx, organizationId, orderSchema, rest, (i) => ({ kind: 'ORDER', input: i }));
    },
  }),
  screenSignup: t.field({
    type: ScreeningPayload,
    description: 'Screens a sign-up (O-MOTION style): device, behaviour, identities and their links.',
    args: {
      input: t.arg({
        type: builder.inputType('ScreenSignupInput', {
          fields: (f) => ({
            organizationId: f.id(orgArg),
            requestId: f.string({ required: false, description: 'Makes a retried call answer with the first decision.' }),
            accountId: f.string({ required: false }),
            person: f.field({ type: PartyInput }),
            context: f.field({ type: ContextInput, required: false }),
          }),
        }),
      }),
    },
    resolve: (_r, { input }, ctx) => {
      const { organizationId, ...rest } = input;
      return run(ctx, organizationId, signupSchema, rest, (i) => ({ kind: 'SIGNUP', input: i }));
    },
  }),
  screenLogin: t.field({
    type: ScreeningPayload,
    description: 'Screens a login attempt, failed or not: bots, credential stuffing, account takeover, impossible travel.',
    args: {
      input: t.arg({
        type: builder.inputType('ScreenLoginInput', {
          fields: (f) => ({
            organizationId: f.id(orgArg),
            requestId: f.string({ required: false }),
            accountId: f.string(),
            email: f.string({ required: false }),
            succeeded: f.boolean({ description: 'Whether the credentials were right.' }),
            context: f.field({ type: ContextInput, required: false }),
          }),
        }),
      }),
    },
    resolve: (_r, { input }, ctx) => {
      const { organizationId, ...rest } = input;
      return run(ctx, organizationId, loginSchema, rest, (i) => ({ kind: 'LOGIN', input: i }));
    },
  }),
  screenReview: t.field({
    type: ScreeningPayload,
    description: 'Screens a review collected on your own site, as Tenpo screens the reviews it pulls from platforms.',
    args: {
      input: t.arg({
        type: builder.inputType('ScreenReviewInput', {
          fields: (f) => ({
            organizationId: f.id(orgArg),
            reviewId: f.string(),
            locationKey: f.string({ description: 'The store: its store code, or any stable key.' }),
            rating: f.int({ description: '1 to 5.' }),
            text: f.string({ required: false }),
            language: f.string({ required: false }),
            reviewer: f.field({
              type: builder.inputType('ScreeningReviewerInput', { fields: (r) => ({ id: r.string({ required: false }), name: r.string({ required: false }), email: r.string({ required: false }) }) }),
              required: false,
            }),
            createdAt: f.field({ type: 'DateTime', required: false }),
            context: f.field({ type: ContextInput, required: false }),
          }),
        }),
      }),
    },
    resolve: (_r, { input }, ctx) => {
      const { organizationId, ...rest } = input;
      return run(ctx, organizationId, reviewSchema, rest, (i) => ({ kind: 'REVIEW', input: i }));
    },
  }),
}));

import { GraphQLError } from 'graphql';
import { actorOf } from '../../auth/principal.ts';
import { builder } from '../../graphql/builder.ts';
import type { Context } from '../../graphql/context.ts';
import { requireCaller } from '../../graphql/auth.ts';
import { idOf } from '../../graphql/ids.ts';
import { connectionOf, decodeCursor, encodeCursor, forwardPage } from '../../graphql/pagination.ts';
import { failure, payloadType, toPayload } from '../../graphql/payload.ts';
import { FraudCaseRef, FraudDecisionRef, OrganizationRef } from '../../graphql/refs.ts';
import { isUuid } from '../../lib/ids.ts';
import { findCase, listCases } from '../cases.ts';
import { findDecision } from '../decisions.ts';
import { labelDecision, type LabelOutcome } from '../labels.ts';
import type { Label } from '../model.ts';
import { FraudCaseStatusEnum, FraudLabelEnum, ScreeningKindEnum } from './types.ts';

builder.objectField(OrganizationRef, 'fraudCases', (t) =>
  t.connection({
    type: FraudCaseRef,
    description: 'The case queue, oldest first. Needs the OWNER, ADMIN or EDITOR role.',
    args: {
      status: t.arg({ type: FraudCaseStatusEnum, required: false, defaultValue: 'OPEN' }),
      kind: t.arg({ type: ScreeningKindEnum, required: false }),
    },
    resolve: async (org, args, ctx) => {
      if (!(await ctx.access.can(org.id, 'reviewFraud'))) return connectionOf([], 0, () => '');
      const page = forwardPage(args);
      const after = page.after ? decodeCursor(page.after, 2) : null;
      if (after && !isUuid(after[1])) throw new GraphQLError('Invalid cursor.', { extensions: { code: 'BAD_USER_INPUT' } });
      const rows = await listCases(ctx.db, org.id, { status: args.status ?? null, kind: args.kind ?? null }, after ? { createdKey: after[0]!, id: after[1]! } : null, page.first + 1);
      return connectionOf(rows, page.first, (c) => encodeCursor([c.created_key, c.id]));
    },
  }),
);

builder.queryField('fraudDecision', (t) =>
  t.field({
    type: FraudDecisionRef,
    nullable: true,
    args: { id: t.arg.id() },
    resolve: async (_r, { id }, ctx) => {
      requireCaller(ctx);
      const decisionId = idOf(String(id), 'FraudDecision');
      const decision = decisionId ? await findDecision(ctx.db, decisionId) : null;
      return decision && (await ctx.access.can(decision.orgId, 'reviewFraud')) ? decision : null;
    },
  }),
);

const LabelOutcomeRef = builder.objectRef<LabelOutcome>('FraudLabelOutcome').implement({
  fields: (t) => ({
    decision: t.field({ type: FraudDecisionRef, resolve: async (o, _a, ctx) => (await findDecision(ctx.db, o.decisionId))! }),
    label: t.field({ type: FraudLabelEnum, resolve: (o) => o.label }),
    blocked: t.exposeInt('blocked', { description: 'Identities added to the block list.' }),
    shared: t.exposeInt('shared', { description: 'Identities reported to the shared negative database.' }),
  }),
});
const LabelPayload = payloadType('FraudLabelPayload', 'outcome', LabelOutcomeRef);

/** Labels a decision the caller found by case or by id: NOT_FOUND across tenants, FORBIDDEN below EDITOR. */
async function label(ctx: Context, target: { orgId: string; decisionId: string } | null, what: 'case' | 'decision', value: Label, note: string | null | undefined) {
  if (!target || !(await ctx.access.roleIn(target.orgId))) return failure('NOT_FOUND', ['id'], `No such ${what}.`);
  if (!(await ctx.access.can(target.orgId, 'reviewFraud'))) return failure('FORBIDDEN', [], 'Working cases and labelling decisions need the OWNER, ADMIN or EDITOR role.');
  return toPayload(await labelDecision(ctx.db, actorOf(ctx.access.principal), target.orgId, target.decisionId, value, note ?? null));
}

builder.mutationFields((t) => ({
  resolveFraudCase: t.field({
    type: LabelPayload,
    description: 'A person confirms a case as fraud (its identities are blocked, and shared where the organisation opted in) or clears it.',
    args: {
      input: t.arg({
        type: builder.inputType('ResolveFraudCaseInput', {
          fields: (f) => ({ id: f.id(), outcome: f.field({ type: FraudLabelEnum }), note: f.string({ required: false }) }),
        }),
      }),
    },
    resolve: async (_r, { input }, ctx) => {
      requireCaller(ctx);
      const id = idOf(String(input.id), 'FraudCase');
      const found = id ? await findCase(ctx.db, id) : undefined;
      return label(ctx, found ? { orgId: found.org_id, decisionId: found.decision_id } : null, 'case', input.outcome, input.note);
    },
  }),
  labelFraudDecision: t.field({
    type: LabelPayload,
    description: 'Labels any decision after the fact, e.g. a chargeback on an order that passed.',
    args: {
      input: t.arg({
        type: builder.inputType('LabelFraudDecisionInput', {
          fields: (f) => ({ id: f.id(), label: f.field({ type: FraudLabelEnum }), note: f.string({ required: false }) }),
        }),
      }),
    },
    resolve: async (_r, { input }, ctx) => {
      requireCaller(ctx);
      const id = idOf(String(input.id), 'FraudDecision');
      const decision = id ? await findDecision(ctx.db, id) : null;
      return label(ctx, decision ? { orgId: decision.orgId, decisionId: decision.id } : null, 'decision', input.label, input.note);
    },
  }),
}));

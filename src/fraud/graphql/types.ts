import { builder } from '../../graphql/builder.ts';
import type { Context } from '../../graphql/context.ts';
import { FraudCaseRef, FraudDecisionRef, OrganizationRef } from '../../graphql/refs.ts';
import { findCase } from '../cases.ts';
import { decisionDetail, findDecision } from '../decisions.ts';
import { CASE_STATUSES, ENTITY_KINDS, LISTS, SCREENING_KINDS, type Decision, type Entity, type Localized, type Reason } from '../model.ts';

export const VerdictEnum = builder.enumType('FraudVerdict', {
  values: {
    OK: { description: 'Go ahead.' },
    REVIEW: { description: 'Hold for a person: a case was opened.' },
    NG: { description: 'Refuse.' },
  } as const,
});
export const ScreeningKindEnum = builder.enumType('ScreeningKind', { values: SCREENING_KINDS });
export const FraudModuleEnum = builder.enumType('FraudModule', {
  values: {
    LISTINGS: { description: 'Store data and listings sync.' },
    REVIEWS: { description: 'Review screening.' },
    ORDERS: { description: 'Order screening (screenOrder).' },
    ACCESS: { description: 'Sign-up and login screening (screenSignup, screenLogin).' },
  } as const,
});
export const EntityKindEnum = builder.enumType('FraudEntityKind', { values: ENTITY_KINDS });
export const FraudCaseStatusEnum = builder.enumType('FraudCaseStatus', { values: CASE_STATUSES });
export const FraudListEnum = builder.enumType('FraudList', { values: LISTS });
export const FraudLabelEnum = builder.enumType('FraudLabel', { values: ['FRAUD', 'LEGITIMATE'] as const });

export const LocalizedTextRef = builder.objectRef<Localized>('LocalizedText').implement({
  fields: (t) => ({ ja: t.exposeString('ja'), en: t.exposeString('en') }),
});

const EvidenceRef = builder.objectRef<Reason['evidence'][number]>('FraudEvidence').implement({
  fields: (t) => ({
    feature: t.exposeString('feature', { description: 'A feature of fraudFeatureCatalog.' }),
    value: t.field({ type: 'JSON', resolve: (e) => e.value }),
  }),
});

export const ReasonRef = builder.objectRef<Reason>('FraudReason').implement({
  fields: (t) => ({
    ruleId: t.exposeString('ruleId'),
    weight: t.exposeInt('weight', { description: 'Points the rule added to the score (negative for signs of a real customer).' }),
    message: t.field({ type: LocalizedTextRef, resolve: (r) => r.message }),
    evidence: t.field({ type: [EvidenceRef], resolve: (r) => r.evidence }),
  }),
});

const EntityRef = builder.objectRef<Entity>('FraudEntity').implement({
  description: 'An identity the decision linked: stored only as a keyed hash; `display` is masked.',
  fields: (t) => ({
    kind: t.field({ type: EntityKindEnum, resolve: (e) => e.kind }),
    role: t.exposeString('role', { description: 'Where in the input it was, e.g. "shipping.address".' }),
    display: t.exposeString('display'),
    hash: t.exposeString('hash', { description: 'The keyed hash: the same identity has the same hash in every decision.' }),
  }),
});

async function canReview(ctx: Context, orgId: string): Promise<boolean> {
  return ctx.access.can(orgId, 'reviewFraud');
}

// input, features and label come from one row: read it once per decision object (one request).
const details = new WeakMap<Decision, ReturnType<typeof decisionDetail>>();

/** The stored detail of a decision, for a caller with the right to review fraud; null otherwise. */
async function detailFor(ctx: Context, d: Decision) {
  if (!(await canReview(ctx, d.orgId))) return null;
  let detail = details.get(d);
  if (!detail) {
    detail = decisionDetail(ctx.db, d.id);
    details.set(d, detail);
  }
  return detail;
}

builder.node(FraudDecisionRef, {
  id: { resolve: (d) => d.id },
  isTypeOf: (d) => typeof d === 'object' && d !== null && 'rulesetVersion' in d,
  description: 'What the fraud engine decided about one order, sign-up, login or review, and why.',
  fields: (t) => ({
    kind: t.field({ type: ScreeningKindEnum, resolve: (d) => d.kind }),
    externalId: t.exposeString('externalId', { description: 'The order id, review id or request id it was screened under.' }),
    verdict: t.field({ type: VerdictEnum, resolve: (d) => d.verdict }),
    score: t.exposeInt('score', { description: '0 (no risk seen) to 100.' }),
    reasons: t.field({ type: [ReasonRef], description: 'The rules that fired, heaviest first.', resolve: (d) => d.reasons }),
    entities: t.field({ type: [EntityRef], resolve: (d) => d.entities }),
    rulesetVersion: t.exposeString('rulesetVersion'),
    replayed: t.exposeBoolean('replayed', { description: 'True when this id was screened before and this is the stored decision.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    case: t.field({
      type: FraudCaseRef,
      nullable: true,
      resolve: async (d, _a, ctx) => (d.caseId && (await canReview(ctx, d.orgId)) ? ((await findCase(ctx.db, d.caseId)) ?? null) : null),
    }),
    label: t.field({
      type: FraudLabelEnum,
      nullable: true,
      description: "A person's judgement, once given.",
      resolve: async (d, _a, ctx) => ((await detailFor(ctx, d))?.label as 'FRAUD' | 'LEGITIMATE' | null | undefined) ?? null,
    }),
    input: t.field({
      type: 'JSON',
      nullable: true,
      description: 'What was screened, as sent (for audit; null without the right to review fraud).',
      resolve: async (d, _a, ctx) => (await detailFor(ctx, d))?.input ?? null,
    }),
    features: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The features that saw something (a feature absent here was false, 0 or empty); null without the right to review fraud.',
      resolve: async (d, _a, ctx) => (await detailFor(ctx, d))?.features ?? null,
    }),
  }),
});

builder.node(FraudCaseRef, {
  id: { resolve: (c) => c.id },
  isTypeOf: (c) => typeof c === 'object' && c !== null && 'decision_id' in c,
  description: 'A REVIEW decision waiting for a person.',
  fields: (t) => ({
    status: t.field({ type: FraudCaseStatusEnum, resolve: (c) => c.status as (typeof CASE_STATUSES)[number] }),
    kind: t.field({ type: ScreeningKindEnum, resolve: (c) => c.kind as (typeof SCREENING_KINDS)[number] }),
    score: t.exposeInt('score'),
    decision: t.field({ type: FraudDecisionRef, resolve: async (c, _a, ctx) => (await findDecision(ctx.db, c.decision_id))! }),
    note: t.exposeString('note', { nullable: true }),
    resolvedBy: t.exposeString('resolved_by', { nullable: true }),
    resolvedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.resolved_at }),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    organization: t.field({ type: OrganizationRef, resolve: async (c, _a, ctx) => (await ctx.loaders.organization.load(c.org_id))! }),
  }),
});

import { enqueueReviewPulls } from '../../../jobs/reviews.ts';
import type { ReplyTemplateRow } from '../../db/reviewsSchema.ts';
import type { Role } from '../../db/schema.ts';
import { builder } from '../../graphql/builder.ts';
import { requireCaller } from '../../graphql/auth.ts';
import type { Context } from '../../graphql/context.ts';
import { idOf } from '../../graphql/ids.ts';
import { failure, payloadType, toPayload, type Payload } from '../../graphql/payload.ts';
import { RoleEnum } from '../../graphql/refs.ts';
import { fieldError, organizationNotFound, type Result } from '../../locations/model.ts';
import { decideReply, deleteReply, reportReview, writeReply, type ReplyServices } from '../replies.ts';
import { saveReviewSettings, type ReviewSettings } from '../settings.ts';
import { createTemplate, updateTemplate } from '../templates.ts';
import { findReviewView, type ReviewView } from '../views.ts';
import { ReviewSettingsRef } from './inbox.ts';
import { ReplyTemplateRef, ReviewRef } from './types.ts';

const ReviewPayload = payloadType('ReviewPayload', 'review', ReviewRef);
const ReplyTemplatePayload = payloadType('ReplyTemplatePayload', 'template', ReplyTemplateRef);
const ReviewSettingsPayload = payloadType('ReviewSettingsPayload', 'settings', ReviewSettingsRef);

function services(ctx: Context): ReplyServices {
  return { db: ctx.db, access: ctx.access, registry: ctx.engine?.registry, events: ctx.engine?.events };
}

/** The review as it stands after the change, for the payload. */
async function reviewPayload(ctx: Context, result: Result<{ id: string }>): Promise<Payload<ReviewView>> {
  if (!result.ok) return { value: null, errors: result.errors };
  return { value: await findReviewView(ctx.db, result.value.id), errors: [] };
}

/** The shape every review mutation shares: a caller, a review id of the right type, the review after the change. */
async function onReview(ctx: Context, globalId: string | number, change: (reviewId: string) => Promise<Result<{ id: string }>>): Promise<Payload<ReviewView>> {
  requireCaller(ctx);
  const reviewId = idOf(String(globalId), 'Review');
  if (!reviewId) return failure('NOT_FOUND', ['reviewId'], 'No such review.');
  return reviewPayload(ctx, await change(reviewId));
}

/** A reason a person must give (rejecting a reply, reporting a review), trimmed and bounded. */
function withReason(raw: string, missing: string, run: (reason: string) => Promise<Payload<ReviewView>>): Promise<Payload<ReviewView>> | Payload<never> {
  const reason = raw.trim().slice(0, 1_000);
  return reason ? run(reason) : failure('INVALID_INPUT', ['reason'], missing);
}

const ReplyInput = (name: string) =>
  builder.inputType(name, {
    fields: (f) => ({
      reviewId: f.id(),
      text: f.string(),
      draft: f.boolean({ required: false, defaultValue: false, description: 'Save without sending.' }),
    }),
  });
const ReviewIdInput = (name: string) => builder.inputType(name, { fields: (f) => ({ reviewId: f.id() }) });

builder.mutationFields((t) => ({
  replyToReview: t.field({
    type: ReviewPayload,
    description: "Writes the owner's reply. It is checked against the platform's limits, may wait for approval, and is then published by a job; follow its state on the review.",
    args: { input: t.arg({ type: ReplyInput('ReplyToReviewInput') }) },
    resolve: (_r, { input }, ctx) => onReview(ctx, input.reviewId, (reviewId) => writeReply(services(ctx), { reviewId, text: input.text, draft: input.draft ?? false, mode: 'create' })),
  }),
  editReviewReply: t.field({
    type: ReviewPayload,
    description: 'Replaces the text of the reply, published or not; a published one is republished.',
    args: { input: t.arg({ type: ReplyInput('EditReviewReplyInput') }) },
    resolve: (_r, { input }, ctx) => onReview(ctx, input.reviewId, (reviewId) => writeReply(services(ctx), { reviewId, text: input.text, draft: input.draft ?? false, mode: 'edit' })),
  }),
  deleteReviewReply: t.field({
    type: ReviewPayload,
    description: 'Deletes the reply: a draft at once, a published one from the platform by a job.',
    args: { input: t.arg({ type: ReviewIdInput('DeleteReviewReplyInput') }) },
    resolve: (_r, { input }, ctx) => onReview(ctx, input.reviewId, (reviewId) => deleteReply(services(ctx), reviewId)),
  }),
  approveReviewReply: t.field({
    type: ReviewPayload,
    description: 'An owner or admin lets a reply held by the approval rule go out.',
    args: { input: t.arg({ type: ReviewIdInput('ApproveReviewReplyInput') }) },
    resolve: (_r, { input }, ctx) => onReview(ctx, input.reviewId, (reviewId) => decideReply(services(ctx), reviewId, { approve: true })),
  }),
  rejectReviewReply: t.field({
    type: ReviewPayload,
    description: 'Sends a held reply back to its writer as a draft, with the reason.',
    args: { input: t.arg({ type: builder.inputType('RejectReviewReplyInput', { fields: (f) => ({ reviewId: f.id(), reason: f.string() }) }) }) },
    resolve: (_r, { input }, ctx) =>
      withReason(input.reason, 'Say why, so the writer can fix the reply.', (reason) => onReview(ctx, input.reviewId, (reviewId) => decideReply(services(ctx), reviewId, { approve: false, reason }))),
  }),
  reportReview: t.field({
    type: ReviewPayload,
    description: "Marks a review as a suspected fake to report to its platform; report.reportUrl is the platform's page for it.",
    args: { input: t.arg({ type: builder.inputType('ReportReviewInput', { fields: (f) => ({ reviewId: f.id(), reason: f.string() }) }) }) },
    resolve: (_r, { input }, ctx) =>
      withReason(input.reason, 'Say why the review looks fake (the platform asks for it).', (reason) => onReview(ctx, input.reviewId, (reviewId) => reportReview(services(ctx), { reviewId, reason, confirm: false }))),
  }),
  confirmReviewReported: t.field({
    type: ReviewPayload,
    description: 'Records that a person filed the report on the platform.',
    args: { input: t.arg({ type: ReviewIdInput('ConfirmReviewReportedInput') }) },
    resolve: (_r, { input }, ctx) => onReview(ctx, input.reviewId, (reviewId) => reportReview(services(ctx), { reviewId, reason: '', confirm: true })),
  }),
  pullReviews: t.field({
    type: 'Boolean',
    description: "Pulls the organisation's reviews now instead of at the next scheduled pull; false when there is nothing to pull from.",
    args: { input: t.arg({ type: builder.inputType('PullReviewsInput', { fields: (f) => ({ organizationId: f.id() }) }) }) },
    resolve: async (_r, { input }, ctx) => {
      requireCaller(ctx);
      const orgId = idOf(String(input.organizationId), 'Organization');
      const engine = ctx.engine;
      if (!orgId || !engine || !(await ctx.access.can(orgId, 'read'))) return false;
      const connections = await ctx.db.selectFrom('platform_connections').select(['id', 'platform']).where('org_id', '=', orgId).where('status', '=', 'ACTIVE').execute();
      const ids = connections.filter((c) => engine.registry.get(c.platform)?.reviews).map((c) => c.id);
      await enqueueReviewPulls(engine.queues, ids);
      return ids.length > 0;
    },
  }),
}));

const TemplateFields = builder.inputType('ReplyTemplateFields', {
  fields: (f) => ({
    name: f.string({ required: false }),
    language: f.string({ required: false, description: 'BCP 47, e.g. "ja".' }),
    body: f.string({ required: false, description: 'Variables: {{reviewer}} {{store}} {{rating}} {{platform}} {{organization}}.' }),
    ratings: f.intList({ required: false, description: 'Star ratings it suits; empty or absent: any.' }),
  }),
});

async function administeredOrg(ctx: Context, globalId: string | number): Promise<string | null> {
  const orgId = idOf(String(globalId), 'Organization');
  return orgId && (await ctx.access.roleIn(orgId)) ? orgId : null;
}

const mayManage = (ctx: Context, orgId: string) => ctx.access.can(orgId, 'approveReplies');
const forbidden = () => failure('FORBIDDEN', [], 'Only an owner or admin may manage reply templates and the approval rule.');

/** A template the caller may change, or the payload saying why not (one answer for unseen and missing). */
async function managedTemplate(ctx: Context, globalId: string | number): Promise<ReplyTemplateRow | Payload<never>> {
  requireCaller(ctx);
  const id = idOf(String(globalId), 'ReplyTemplate');
  const template = id ? await ctx.db.selectFrom('reply_templates').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  if (!template || !(await ctx.access.roleIn(template.org_id))) return failure('NOT_FOUND', ['id'], 'No such template.');
  return (await mayManage(ctx, template.org_id)) ? template : forbidden();
}
const present = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;

builder.mutationFields((t) => ({
  createReplyTemplate: t.field({
    type: ReplyTemplatePayload,
    args: {
      input: t.arg({
        type: builder.inputType('CreateReplyTemplateInput', {
          fields: (f) => ({ organizationId: f.id(), name: f.string(), language: f.string(), body: f.string(), ratings: f.intList({ required: false }) }),
        }),
      }),
    },
    resolve: async (_r, { input }, ctx) => {
      requireCaller(ctx);
      const orgId = await administeredOrg(ctx, input.organizationId);
      if (!orgId) return { value: null, errors: [organizationNotFound()] };
      if (!(await mayManage(ctx, orgId))) return forbidden();
      return toPayload(await createTemplate(ctx.db, orgId, { name: input.name, language: input.language, body: input.body, ratings: input.ratings ?? [] }));
    },
  }),
  updateReplyTemplate: t.field({
    type: ReplyTemplatePayload,
    args: { input: t.arg({ type: builder.inputType('UpdateReplyTemplateInput', { fields: (f) => ({ id: f.id(), patch: f.field({ type: TemplateFields }) }) }) }) },
    resolve: async (_r, { input }, ctx) => {
      const template = await managedTemplate(ctx, input.id);
      if ('errors' in template) return template;
      const p = input.patch;
      return toPayload(
        await updateTemplate(ctx.db, template, {
          ...(present(p.name) ? { name: p.name } : {}),
          ...(present(p.language) ? { language: p.language } : {}),
          ...(present(p.body) ? { body: p.body } : {}),
          ...(present(p.ratings) ? { ratings: p.ratings } : {}),
        }),
      );
    },
  }),
  deleteReplyTemplate: t.field({
    type: ReplyTemplatePayload,
    args: { input: t.arg({ type: builder.inputType('DeleteReplyTemplateInput', { fields: (f) => ({ id: f.id() }) }) }) },
    resolve: async (_r, { input }, ctx) => {
      const template = await managedTemplate(ctx, input.id);
      if ('errors' in template) return template;
      await ctx.db.deleteFrom('reply_templates').where('id', '=', template.id).execute();
      return { value: template, errors: [] };
    },
  }),
  updateReviewSettings: t.field({
    type: ReviewSettingsPayload,
    description: 'Sets the approval rule: which roles\' replies to which ratings wait for an owner or admin.',
    args: {
      input: t.arg({
        type: builder.inputType('UpdateReviewSettingsInput', {
          fields: (f) => ({
            organizationId: f.id(),
            approvalMaxRating: f.int({ required: false, description: '1–5; null turns approval off.' }),
            approvalRoles: f.field({ type: [RoleEnum], required: true }),
          }),
        }),
      }),
    },
    resolve: async (_r, { input }, ctx) => {
      requireCaller(ctx);
      const orgId = await administeredOrg(ctx, input.organizationId);
      if (!orgId) return { value: null, errors: [organizationNotFound()] };
      if (!(await mayManage(ctx, orgId))) return forbidden();
      const max = input.approvalMaxRating ?? null;
      if (max !== null && (!Number.isInteger(max) || max < 1 || max > 5)) return { value: null, errors: [fieldError('INVALID_INPUT', ['approvalMaxRating'], 'Expected a star rating from 1 to 5, or null for no approval.')] };
      const settings: ReviewSettings = { approvalMaxRating: max, approvalRoles: [...new Set(input.approvalRoles as Role[])] };
      return { value: await saveReviewSettings(ctx.db, orgId, settings), errors: [] };
    },
  }),
}));

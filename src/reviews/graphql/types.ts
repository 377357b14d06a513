import type { ReviewMediaItem } from '../../db/reviewsSchema.ts';
import type { ReplyTemplateRow } from '../../db/reviewsSchema.ts';
import { LocalizedTextRef, ReasonRef } from '../../fraud/graphql/types.ts';
import { VerdictEnum } from '../../fraud/graphql/types.ts';
import { builder } from '../../graphql/builder.ts';
import type { Context } from '../../graphql/context.ts';
import { LocationRef, UserRef } from '../../graphql/refs.ts';
import { ratingOf } from '../settings.ts';
import { renderTemplate, templatesFor } from '../templates.ts';
import type { ReviewView } from '../views.ts';

export const ReviewRef = builder.objectRef<ReviewView>('Review');
export const ReplyTemplateRef = builder.objectRef<ReplyTemplateRow>('ReplyTemplate');

export const ReplyStateEnum = builder.enumType('ReplyState', {
  values: {
    DRAFT: { description: 'Saved, not sent.' },
    PENDING_APPROVAL: { description: 'Held by the approval rule until an owner or admin approves it.' },
    SENDING: { description: 'On its way to the platform.' },
    PUBLISHED: { description: 'The platform shows it.' },
    FAILED: { description: 'The platform refused it or could not be reached: see failureReason.' },
    DELETING: { description: 'Being removed from the platform.' },
  } as const,
});
const RatingKindEnum = builder.enumType('ReviewRatingKind', { values: ['STARS', 'RECOMMENDATION'] as const });
const MediaKindEnum = builder.enumType('ReviewMediaKind', { values: ['PHOTO', 'VIDEO'] as const });
const ReportStateEnum = builder.enumType('ReviewReportState', {
  values: {
    NOT_REPORTED: {},
    TO_REPORT_MANUALLY: { description: 'Marked as fake; a person still has to file the report on the platform (reportUrl).' },
    REPORTED: { description: 'Reported to the platform.' },
  } as const,
});

const RatingRef = builder.objectRef<{ stars: number | null; recommends: boolean | null }>('ReviewRating').implement({
  fields: (t) => ({
    kind: t.field({ type: RatingKindEnum, resolve: (r) => (r.stars !== null ? 'STARS' : 'RECOMMENDATION') }),
    stars: t.int({ nullable: true, resolve: (r) => r.stars }),
    recommends: t.boolean({ nullable: true, resolve: (r) => r.recommends }),
  }),
});

const AuthorRef = builder.objectRef<ReviewView>('ReviewAuthor').implement({
  fields: (t) => ({
    name: t.string({ nullable: true, resolve: (r) => r.author_name }),
    anonymous: t.boolean({ resolve: (r) => r.author_anonymous }),
    photoUrl: t.string({ nullable: true, resolve: (r) => r.author_photo_url }),
  }),
});

const MediaRef = builder.objectRef<ReviewMediaItem>('ReviewMedia').implement({
  fields: (t) => ({ kind: t.field({ type: MediaKindEnum, resolve: (m) => m.kind }), url: t.exposeString('url') }),
});

const ReplyRef = builder.objectRef<ReviewView>('ReviewReply').implement({
  fields: (t) => ({
    text: t.string({ resolve: (r) => r.reply_text! }),
    state: t.field({ type: ReplyStateEnum, resolve: (r) => r.reply_state! }),
    failureReason: t.string({ nullable: true, resolve: (r) => r.reply_failure_reason }),
    approvalReason: t.field({ type: LocalizedTextRef, nullable: true, description: 'PENDING_APPROVAL: why the rule held it.', resolve: (r) => r.reply_approval_reason }),
    rejectionReason: t.string({ nullable: true, description: 'Why an approver sent it back as a draft.', resolve: (r) => r.reply_rejection_reason }),
    author: t.field({ type: UserRef, nullable: true, description: 'null when the reply was written on the platform itself.', resolve: (r, _a, ctx) => (r.reply_author_id ? ctx.loaders.user.load(r.reply_author_id) : null) }),
    approvedBy: t.field({ type: UserRef, nullable: true, resolve: (r, _a, ctx) => (r.reply_approved_by ? ctx.loaders.user.load(r.reply_approved_by) : null) }),
    updatedAt: t.field({ type: 'DateTime', resolve: (r) => r.reply_updated_at! }),
    publishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.reply_published_at }),
  }),
});

const FraudRef = builder.objectRef<ReviewView>('ReviewFraud').implement({
  fields: (t) => ({
    verdict: t.field({ type: VerdictEnum, resolve: (r) => r.fraud_verdict! }),
    score: t.int({ resolve: (r) => r.fraud_score ?? 0 }),
    reasons: t.field({ type: [ReasonRef], resolve: (r) => r.fraud_reasons ?? [] }),
  }),
});

const ReportRef = builder.objectRef<ReviewView>('ReviewReport').implement({
  fields: (t) => ({
    state: t.field({ type: ReportStateEnum, resolve: (r) => r.report_state }),
    reason: t.string({ nullable: true, resolve: (r) => r.report_reason }),
    reportedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.reported_at }),
    reportUrl: t.string({ nullable: true, description: "The platform's page for reporting a review.", resolve: (r, _a, ctx) => ctx.engine?.registry.get(r.platform)?.manifest.reviews.reportUrl ?? null }),
  }),
});

const LimitsRef = builder.objectRef<{ maxBytes: number | null; maxChars: number | null; emoji: boolean; perDay: number | null }>('ReplyLimits').implement({
  description: "The platform's rules for replies, for a counter in the editor.",
  fields: (t) => ({
    maxBytes: t.int({ nullable: true, resolve: (l) => l.maxBytes }),
    maxChars: t.int({ nullable: true, resolve: (l) => l.maxChars }),
    emoji: t.boolean({ resolve: (l) => l.emoji }),
    perDay: t.int({ nullable: true, description: 'Replies per store per day.', resolve: (l) => l.perDay }),
  }),
});

const SuggestedReplyRef = builder.objectRef<{ template: ReplyTemplateRow; text: string }>('SuggestedReply').implement({
  fields: (t) => ({ template: t.field({ type: ReplyTemplateRef, resolve: (s) => s.template }), text: t.exposeString('text') }),
});

function manifestOf(ctx: Context, platform: string) {
  return ctx.engine?.registry.get(platform)?.manifest;
}

builder.node(ReviewRef, {
  id: { resolve: (r) => r.id },
  isTypeOf: (r) => typeof r === 'object' && r !== null && 'platform_review_id' in r,
  description: 'A review pulled from a platform, with its reply and the fraud engine\'s verdict.',
  fields: (t) => ({
    platform: t.string({ resolve: (r) => r.platform }),
    location: t.field({ type: LocationRef, resolve: async (r, _a, ctx) => (await ctx.loaders.location.load(r.location_id))! }),
    author: t.field({ type: AuthorRef, resolve: (r) => r }),
    rating: t.field({ type: RatingRef, nullable: true, resolve: (r) => (r.rating_stars === null && r.rating_recommends === null ? null : { stars: r.rating_stars, recommends: r.rating_recommends }) }),
    text: t.string({ nullable: true, resolve: (r) => r.text }),
    language: t.string({ nullable: true, description: "BCP 47: the platform's, or guessed from the text.", resolve: (r) => r.language }),
    media: t.field({ type: [MediaRef], resolve: (r) => r.media }),
    url: t.string({ nullable: true, resolve: (r) => r.url }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.created_at }),
    updatedAt: t.field({ type: 'DateTime', resolve: (r) => r.updated_at }),
    deletedAt: t.field({ type: 'DateTime', nullable: true, description: 'When a pull found it deleted on the platform.', resolve: (r) => r.deleted_at }),
    reply: t.field({ type: ReplyRef, nullable: true, resolve: (r) => (r.reply_state ? r : null) }),
    fraud: t.field({ type: FraudRef, nullable: true, description: 'null until screened (or when the organisation does not screen reviews).', resolve: (r) => (r.fraud_verdict ? r : null) }),
    suspectedFake: t.boolean({ description: 'The fraud engine said REVIEW or NG.', resolve: (r) => r.fraud_verdict === 'REVIEW' || r.fraud_verdict === 'NG' }),
    report: t.field({ type: ReportRef, resolve: (r) => r }),
    canReply: t.boolean({
      description: 'The platform takes replies through Tenpo and the caller may write one.',
      resolve: async (r, _a, ctx) => r.deleted_at === null && Boolean(manifestOf(ctx, r.platform)?.capabilities.reviewReply) && (await ctx.access.can(r.org_id, 'replyReviews')),
    }),
    viewerCanApprove: t.boolean({
      description: 'The caller may approve or reject a reply held by the approval rule.',
      resolve: (r, _a, ctx) => ctx.access.can(r.org_id, 'approveReplies'),
    }),
    canReport: t.boolean({
      description: 'The platform takes reports of fake reviews (through its own page) and the caller may file one.',
      resolve: async (r, _a, ctx) => r.deleted_at === null && (manifestOf(ctx, r.platform)?.reviews.report ?? 'none') !== 'none' && (await ctx.access.can(r.org_id, 'replyReviews')),
    }),
    replyLimits: t.field({
      type: LimitsRef,
      resolve: (r, _a, ctx) => {
        const rules = manifestOf(ctx, r.platform)?.reviews;
        return { maxBytes: rules?.replyMaxBytes ?? null, maxChars: rules?.replyMaxChars ?? null, emoji: rules?.replyEmoji ?? true, perDay: rules?.repliesPerListingPerDay ?? null };
      },
    }),
    suggestedReplies: t.field({
      type: [SuggestedReplyRef],
      description: "The organisation's templates for this review's language and rating, filled in.",
      resolve: async (r, _a, ctx) => {
        const [templates, location, org] = await Promise.all([ctx.loaders.replyTemplates.load(r.org_id), ctx.loaders.location.load(r.location_id), ctx.loaders.organization.load(r.org_id)]);
        const rating = ratingOf(r);
        return templatesFor(templates, r.language, rating).map((template) => ({
          template,
          text: renderTemplate(template, {
            reviewerName: r.author_anonymous ? null : r.author_name,
            storeName: location?.data.name ?? '',
            localizedNames: location?.data.localizedNames ?? [],
            rating,
            platformName: manifestOf(ctx, r.platform)?.name ?? r.platform,
            organizationName: org?.name ?? '',
          }),
        }));
      },
    }),
  }),
});

builder.node(ReplyTemplateRef, {
  id: { resolve: (t) => t.id },
  isTypeOf: (t) => typeof t === 'object' && t !== null && 'body' in t && 'ratings' in t,
  description: 'A reply template. Variables: {{reviewer}} {{store}} {{rating}} {{platform}} {{organization}}.',
  fields: (t) => ({
    name: t.exposeString('name'),
    language: t.exposeString('language'),
    body: t.exposeString('body'),
    ratings: t.field({ type: ['Int'], description: 'Star ratings it suits; empty: any.', resolve: (r) => r.ratings }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.created_at }),
    updatedAt: t.field({ type: 'DateTime', resolve: (r) => r.updated_at }),
  }),
});

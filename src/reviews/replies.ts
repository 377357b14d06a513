import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Access } from '../auth/access.ts';
import type { Db } from '../db/database.ts';
import type { ReplyRow, ReplyState, ReviewRow } from '../db/reviewsSchema.ts';
import type { Database, Role } from '../db/schema.ts';
import { fieldError, type FieldError, type Result } from '../locations/model.ts';
import { appendOutbox } from '../outbox/repository.ts';
import type { ConnectorRegistry } from '../platforms/registry.ts';
import { reviewFor } from './access.ts';
import type { ReviewEvents } from './events.ts';
import { checkDailyLimit, checkReplyText, type ReplyRules } from './replyRules.ts';
import { approvalReason, loadReviewSettings } from './settings.ts';

/**
 * Replies (DESIGN.md data flow 4): mutation → one transaction that sets the reply's state and
 * writes an outbox row → the relay's job → the connector → the state. The platform's rules are
 * checked here, before anything is queued, and the approval rule may hold the reply for an
 * owner or admin.
 */
export interface ReplyServices {
  db: Db;
  access: Access;
  registry: ConnectorRegistry | undefined;
  events: ReviewEvents | undefined;
}

type Outcome = Result<ReviewRow>;

const fail = (code: FieldError['code'], path: string[], message: string): Outcome => ({ ok: false, errors: [fieldError(code, path, message)] });

function rulesFor(services: ReplyServices, review: ReviewRow): { rules: ReplyRules; name: string } | FieldError {
  const connector = services.registry?.get(review.platform);
  if (!connector?.manifest.capabilities.reviewReply || !connector.reviews) {
    return fieldError('REPLY_NOT_SUPPORTED', ['reviewId'], `Tenpo cannot publish replies on ${connector?.manifest.name ?? review.platform}: answer this review on the platform itself.`);
  }
  return { rules: connector.manifest.reviews, name: connector.manifest.name };
}

/** Replies that went out, or are going out, for the store on the platform in the last 24 hours. */
async function sentLastDay(db: Db | Transaction<Database>, review: ReviewRow): Promise<number> {
  const row = await sql<{ n: number }>`
    select (select count(*) from review_reply_sends
             where location_id = ${review.location_id} and platform = ${review.platform} and sent_at > now() - interval '24 hours')
         + (select count(*) from review_replies rr join reviews r on r.id = rr.review_id
             where r.location_id = ${review.location_id} and r.platform = ${review.platform} and rr.state = 'SENDING' and rr.review_id <> ${review.id}) as n`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

async function currentReply(trx: Transaction<Database>, reviewId: string): Promise<ReplyRow | undefined> {
  return trx.selectFrom('review_replies').selectAll().where('review_id', '=', reviewId).forUpdate().executeTakeFirst();
}

async function requestSend(trx: Transaction<Database>, review: ReviewRow, version: number): Promise<void> {
  await appendOutbox(trx, [{ orgId: review.org_id, aggregateType: 'review', aggregateId: review.id, eventType: 'review_reply.requested', aggregateVersion: version, payload: {} }]);
}

function announce(services: ReplyServices, review: ReviewRow): void {
  services.events?.publish(review.org_id, [{ kind: 'REPLY_CHANGED', reviewId: review.id, locationId: review.location_id }]);
}

export interface WriteReplyInput {
  reviewId: string;
  text: string;
  draft: boolean;
  /** replyToReview starts a reply; editReviewReply changes the one there is. */
  mode: 'create' | 'edit';
}

export async function writeReply(services: ReplyServices, input: WriteReplyInput): Promise<Outcome> {
  const found = await reviewFor(services.db, services.access, input.reviewId, 'replyReviews');
  if (!found.ok) return found;
  const review = found.value;
  if (review.deleted_at) return fail('INVALID_STATE', ['reviewId'], 'The reviewer deleted this review on the platform; it can no longer be answered.');
  const platform = rulesFor(services, review);
  if ('code' in platform) return { ok: false, errors: [platform] };
  const textErrors = checkReplyText(platform.rules, platform.name, input.text);
  if (textErrors.length > 0) return { ok: false, errors: textErrors };

  const role = (await services.access.roleIn(review.org_id)) as Role;
  const held = approvalReason(await loadReviewSettings(services.db, review.org_id), role, review);
  const state: ReplyState = input.draft ? 'DRAFT' : held ? 'PENDING_APPROVAL' : 'SENDING';
  if (state === 'SENDING') {
    const limit = checkDailyLimit(platform.rules, platform.name, await sentLastDay(services.db, review));
    if (limit.length > 0) return { ok: false, errors: limit };
  }
  const principal = services.access.principal;
  const authorId = principal.kind === 'USER' ? principal.userId : null;

  const outcome = await services.db.transaction().execute(async (trx): Promise<Outcome> => {
    const existing = await currentReply(trx, review.id);
    if (input.mode === 'create' && existing && !['DRAFT', 'FAILED'].includes(existing.state)) {
      return fail('INVALID_STATE', ['reviewId'], 'This review already has a reply; edit it with editReviewReply.');
    }
    if (input.mode === 'edit' && !existing) return fail('INVALID_STATE', ['reviewId'], 'This review has no reply to edit; write one with replyToReview.');
    if (existing?.state === 'DELETING') return fail('INVALID_STATE', ['reviewId'], 'The reply is being deleted; write a new one once it is gone.');
    const values = {
      text: input.text,
      state,
      author_id: authorId,
      approval_reason: state === 'PENDING_APPROVAL' && held ? JSON.stringify(held) : null,
      approved_by: null,
      rejection_reason: null,
      failure_reason: null,
      updated_at: new Date(),
    };
    let version: number;
    if (existing) {
      const row = await trx
        .updateTable('review_replies')
        .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
        .where('review_id', '=', review.id)
        .returning('version')
        .executeTakeFirstOrThrow();
      version = row.version;
    } else {
      await trx.insertInto('review_replies').values({ review_id: review.id, org_id: review.org_id, version: 1, ...values }).execute();
      version = 1;
    }
    if (state === 'SENDING') await requestSend(trx, review, version);
    return { ok: true, value: review };
  });
  if (outcome.ok) announce(services, review);
  return outcome;
}

export async function deleteReply(services: ReplyServices, reviewId: string): Promise<Outcome> {
  const found = await reviewFor(services.db, services.access, reviewId, 'replyReviews');
  if (!found.ok) return found;
  const review = found.value;
  const outcome = await services.db.transaction().execute(async (trx): Promise<Outcome> => {
    const existing = await currentReply(trx, review.id);
    if (!existing) return fail('INVALID_STATE', ['reviewId'], 'This review has no reply.');
    // Nothing of it is on the platform: a draft, a held reply, one that never got through.
    if (review.platform_reply_text === null && existing.state !== 'SENDING') {
      await trx.deleteFrom('review_replies').where('review_id', '=', review.id).execute();
      return { ok: true, value: review };
    }
    const platform = rulesFor(services, review);
    if ('code' in platform) return { ok: false, errors: [platform] };
    const row = await trx
      .updateTable('review_replies')
      .set((eb) => ({ state: 'DELETING' as const, failure_reason: null, updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('review_id', '=', review.id)
      .returning('version')
      .executeTakeFirstOrThrow();
    await requestSend(trx, review, row.version);
    return { ok: true, value: review };
  });
  if (outcome.ok) announce(services, review);
  return outcome;
}

/** An owner or admin lets a held reply go out, or sends it back to its writer as a draft. */
export async function decideReply(services: ReplyServices, reviewId: string, decision: { approve: true } | { approve: false; reason: string }): Promise<Outcome> {
  const found = await reviewFor(services.db, services.access, reviewId, 'approveReplies');
  if (!found.ok) return found;
  const review = found.value;
  const platform = rulesFor(services, review);
  if ('code' in platform) return { ok: false, errors: [platform] };
  if (decision.approve) {
    const limit = checkDailyLimit(platform.rules, platform.name, await sentLastDay(services.db, review));
    if (limit.length > 0) return { ok: false, errors: limit };
  }
  const principal = services.access.principal;
  const outcome = await services.db.transaction().execute(async (trx): Promise<Outcome> => {
    const existing = await currentReply(trx, review.id);
    if (existing?.state !== 'PENDING_APPROVAL') return fail('INVALID_STATE', ['reviewId'], 'No reply of this review is waiting for approval.');
    const row = await trx
      .updateTable('review_replies')
      .set((eb) => ({
        state: decision.approve ? ('SENDING' as const) : ('DRAFT' as const),
        approved_by: decision.approve && principal.kind === 'USER' ? principal.userId : null,
        rejection_reason: decision.approve ? null : decision.reason,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('review_id', '=', review.id)
      .returning('version')
      .executeTakeFirstOrThrow();
    if (decision.approve) await requestSend(trx, review, row.version);
    return { ok: true, value: review };
  });
  if (outcome.ok) announce(services, review);
  return outcome;
}

/**
 * Marks a suspected fake review. No platform takes such reports through its API today, so a
 * person files it on the platform's own page (the manifest's reportUrl) and confirms here.
 */
export async function reportReview(services: ReplyServices, input: { reviewId: string; reason: string; confirm: boolean }): Promise<Outcome> {
  const found = await reviewFor(services.db, services.access, input.reviewId, 'replyReviews');
  if (!found.ok) return found;
  const review = found.value;
  const manifest = services.registry?.get(review.platform)?.manifest;
  if (!manifest || manifest.reviews.report === 'none') {
    return fail('REPORT_NOT_SUPPORTED', ['reviewId'], `${manifest?.name ?? review.platform} takes no reports of fake reviews from businesses.`);
  }
  if (input.confirm && review.report_state !== 'TO_REPORT_MANUALLY') return fail('INVALID_STATE', ['reviewId'], 'Report the review first (reportReview), then confirm once it is filed on the platform.');
  const principal = services.access.principal;
  const updated = await services.db
    .updateTable('reviews')
    .set(
      input.confirm
        ? { report_state: 'REPORTED', reported_at: new Date(), reported_by: principal.kind === 'USER' ? principal.userId : null }
        : { report_state: 'TO_REPORT_MANUALLY', report_reason: input.reason, reported_at: null, reported_by: null },
    )
    .where('id', '=', review.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  services.events?.publish(review.org_id, [{ kind: 'REVIEW_UPDATED', reviewId: review.id, locationId: review.location_id }]);
  return { ok: true, value: updated };
}

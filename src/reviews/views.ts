import { sql, type SelectQueryBuilder } from 'kysely';
import { assignedTo } from '../auth/access.ts';
import type { Db } from '../db/database.ts';
import type { ReplyState, ReviewRow } from '../db/reviewsSchema.ts';
import type { Database } from '../db/schema.ts';
import type { Localized, Reason } from '../fraud/model.ts';

/** A review as the inbox shows it: the row, its reply, and the fraud engine's reasons. */
export interface ReviewView extends ReviewRow {
  reply_text: string | null;
  reply_state: ReplyState | null;
  reply_version: number | null;
  reply_author_id: string | null;
  reply_approval_reason: Localized | null;
  reply_approved_by: string | null;
  reply_rejection_reason: string | null;
  reply_failure_reason: string | null;
  reply_published_at: Date | null;
  reply_updated_at: Date | null;
  fraud_reasons: Reason[] | null;
}

export interface ReviewFilter {
  /** true: no reply is published yet; false: one is. */
  unanswered?: boolean | null;
  ratings?: readonly number[] | null;
  platforms?: readonly string[] | null;
  locationIds?: readonly string[] | null;
  suspectedFake?: boolean | null;
  replyStates?: readonly ReplyState[] | null;
  includeDeleted?: boolean | null;
}

type Reviews = Database & { r: Database['reviews'] };
type ReviewQuery = SelectQueryBuilder<Reviews, 'r', object>;

/** A rating as one number: a recommendation counts as 5, one against as 1. */
export const RATING_SQL = sql<number | null>`coalesce(r.rating_stars, case when r.rating_recommends then 5 when not r.rating_recommends then 1 end)`;

/**
 * The caller's reviews matching the filter, as `r`. Every condition is on the review row alone
 * (reply states through an EXISTS), so counts and statistics need no join.
 */
export function matchingReviews(db: Db, scope: { orgId: string; managerId: string | null }, f: ReviewFilter): ReviewQuery {
  const { orgId, managerId } = scope;
  let out: ReviewQuery = db.selectFrom('reviews as r').where('r.org_id', '=', orgId);
  if (!f.includeDeleted) out = out.where('r.deleted_at', 'is', null);
  if (managerId) {
    out = out.where('r.location_id', 'in', (eb) => eb.selectFrom('locations').select('locations.id').where('locations.org_id', '=', orgId).where((e) => assignedTo(e, managerId)));
  }
  // answered_at is set exactly while the platform shows a reply, ours or one written there.
  if (f.unanswered === true) out = out.where('r.answered_at', 'is', null);
  if (f.unanswered === false) out = out.where('r.answered_at', 'is not', null);
  if (f.ratings?.length) out = out.where(sql<boolean>`${RATING_SQL} = any(${[...f.ratings]}::int[])`);
  if (f.platforms?.length) out = out.where('r.platform', 'in', [...f.platforms]);
  if (f.locationIds) out = f.locationIds.length ? out.where('r.location_id', 'in', [...f.locationIds]) : out.where(sql<boolean>`false`);
  if (f.suspectedFake === true) out = out.where('r.fraud_verdict', 'in', ['REVIEW', 'NG']);
  if (f.suspectedFake === false) out = out.where(sql<boolean>`r.fraud_verdict is distinct from 'REVIEW' and r.fraud_verdict is distinct from 'NG'`);
  if (f.replyStates?.length) {
    const states = [...f.replyStates];
    out = out.where((eb) => eb.exists(eb.selectFrom('review_replies as rs').select('rs.review_id').whereRef('rs.review_id', '=', 'r.id').where('rs.state', 'in', states)));
  }
  return out;
}

/** The reply and the fraud engine's reasons beside each review. */
function withReplyAndFraud(q: ReviewQuery) {
  return q
    .leftJoin('review_replies as rr', 'rr.review_id', 'r.id')
    .leftJoin('fraud_decisions as fd', 'fd.id', 'r.fraud_decision_id')
    .selectAll('r')
    .select([
      'rr.text as reply_text',
      'rr.state as reply_state',
      'rr.version as reply_version',
      'rr.author_id as reply_author_id',
      'rr.approval_reason as reply_approval_reason',
      'rr.approved_by as reply_approved_by',
      'rr.rejection_reason as reply_rejection_reason',
      'rr.failure_reason as reply_failure_reason',
      'rr.published_at as reply_published_at',
      'rr.updated_at as reply_updated_at',
      sql<Reason[] | null>`fd.reasons`.as('fraud_reasons'),
    ]);
}

/** Newest first, keyset-paged on (created_at, id). */
export async function listReviews(
  db: Db,
  scope: { orgId: string; managerId: string | null },
  filter: ReviewFilter,
  after: { createdAt: Date; id: string } | null,
  limit: number,
): Promise<ReviewView[]> {
  let q = matchingReviews(db, scope, filter);
  if (after) q = q.where(sql<boolean>`(r.created_at, r.id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`);
  return (await withReplyAndFraud(q).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute()) as ReviewView[];
}

export async function countReviews(db: Db, scope: { orgId: string; managerId: string | null }, filter: ReviewFilter): Promise<number> {
  const row = await matchingReviews(db, scope, filter).select(sql<string>`count(*)`.as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findReviewView(db: Db, id: string): Promise<ReviewView | null> {
  const row = await withReplyAndFraud(db.selectFrom('reviews as r').where('r.id', '=', id)).executeTakeFirst();
  return (row as ReviewView | undefined) ?? null;
}

import { sql, type SelectQueryBuilder } from 'kysely';
import { assignedTo } from '../auth/access.ts';
import type { Db } from '../db/database.ts';
import type { ReplyState, ReviewRow } from '../db/reviewsSchema.ts';
import type { Database } from '../db/schema.ts';
import type { Reason } from '../fraud/model.ts';

/** A review as the inbox shows it: the row, its reply, and the fraud engine's reasons. */
export interface ReviewView extends ReviewRow {
  reply_text: string | null;
  reply_state: ReplyState | null;
  reply_version: number | null;
  reply_author_id: string | null;
  reply_approval_reason: string | null;
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

type Q = SelectQueryBuilder<Database & { r: Database['reviews']; rr: Database['review_replies']; fd: Database['fraud_decisions'] }, 'r' | 'rr' | 'fd', ReviewView>;

function base(db: Db) {
  return db
    .selectFrom('reviews as r')
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
    ]) as unknown as Q;
}

/** A rating as one number: a recommendation counts as 5, one against as 1. */
export const RATING_SQL = sql<number | null>`coalesce(r.rating_stars, case when r.rating_recommends then 5 when not r.rating_recommends then 1 end)`;

function filtered(q: Q, orgId: string, managerId: string | null, f: ReviewFilter): Q {
  let out = q.where('r.org_id', '=', orgId);
  if (!f.includeDeleted) out = out.where('r.deleted_at', 'is', null);
  if (managerId) {
    out = out.where('r.location_id', 'in', (eb) => eb.selectFrom('locations').select('locations.id').where('locations.org_id', '=', orgId).where((e) => assignedTo(e, managerId)));
  }
  if (f.unanswered === true) out = out.where(sql<boolean>`rr.state is distinct from 'PUBLISHED'`);
  if (f.unanswered === false) out = out.where('rr.state', '=', 'PUBLISHED');
  if (f.ratings?.length) out = out.where(sql<boolean>`${RATING_SQL} = any(${[...f.ratings]}::int[])`);
  if (f.platforms?.length) out = out.where('r.platform', 'in', [...f.platforms]);
  if (f.locationIds) out = f.locationIds.length ? out.where('r.location_id', 'in', [...f.locationIds]) : out.where(sql<boolean>`false`);
  if (f.suspectedFake === true) out = out.where('r.fraud_verdict', 'in', ['REVIEW', 'NG']);
  if (f.suspectedFake === false) out = out.where(sql<boolean>`r.fraud_verdict is distinct from 'REVIEW' and r.fraud_verdict is distinct from 'NG'`);
  if (f.replyStates?.length) out = out.where('rr.state', 'in', [...f.replyStates]);
  return out;
}

/** The caller's reviews matching the filter, for aggregates (reviews as `r`, replies as `rr`). */
export function filteredReviews(db: Db, scope: { orgId: string; managerId: string | null }, filter: ReviewFilter): Q {
  return filtered(base(db), scope.orgId, scope.managerId, filter);
}

/** Newest first, keyset-paged on (created_at, id). */
export async function listReviews(
  db: Db,
  scope: { orgId: string; managerId: string | null },
  filter: ReviewFilter,
  after: { createdAt: Date; id: string } | null,
  limit: number,
): Promise<ReviewView[]> {
  let q = filtered(base(db), scope.orgId, scope.managerId, filter);
  if (after) q = q.where(sql<boolean>`(r.created_at, r.id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`);
  return q.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
}

export async function countReviews(db: Db, scope: { orgId: string; managerId: string | null }, filter: ReviewFilter): Promise<number> {
  const q = filteredReviews(db, scope, filter).clearSelect().select(sql<string>`count(*)`.as('n'));
  const row = (await q.executeTakeFirst()) as { n: string } | undefined;
  return Number(row?.n ?? 0);
}

export async function findReviewView(db: Db, id: string): Promise<ReviewView | null> {
  return (await base(db).where('r.id', '=', id).executeTakeFirst()) ?? null;
}

import type { Db } from '../db/database.ts';
import type { ReviewRow } from '../db/reviewsSchema.ts';
import type { Role } from '../db/schema.ts';
import type { Localized } from '../fraud/model.ts';

/** The approval rule: by default a store manager's reply to a rating of 2 or less waits for an owner or admin. */
export interface ReviewSettings {
  /** Replies to ratings at or below this wait for approval; null: none do. */
  approvalMaxRating: number | null;
  /** Roles whose replies the rule holds. */
  approvalRoles: Role[];
}

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { approvalMaxRating: 2, approvalRoles: ['STORE_MANAGER'] };

export async function loadReviewSettings(db: Db, orgId: string): Promise<ReviewSettings> {
  const row = await db.selectFrom('review_settings').select(['approval_max_rating', 'approval_roles']).where('org_id', '=', orgId).executeTakeFirst();
  return row ? { approvalMaxRating: row.approval_max_rating, approvalRoles: row.approval_roles as Role[] } : DEFAULT_REVIEW_SETTINGS;
}

export async function saveReviewSettings(db: Db, orgId: string, settings: ReviewSettings): Promise<ReviewSettings> {
  await db
    .insertInto('review_settings')
    .values({ org_id: orgId, approval_max_rating: settings.approvalMaxRating, approval_roles: settings.approvalRoles })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ approval_max_rating: settings.approvalMaxRating, approval_roles: settings.approvalRoles, updated_at: new Date() }))
    .execute();
  return settings;
}

/** A recommendation against counts as the lowest rating; a review with no rating is never held. */
export function ratingOf(review: Pick<ReviewRow, 'rating_stars' | 'rating_recommends'>): number | null {
  if (review.rating_stars !== null) return review.rating_stars;
  if (review.rating_recommends !== null) return review.rating_recommends ? 5 : 1;
  return null;
}

/** Why a reply by `role` to `review` must wait for approval, or null when it may go out. */
const ROLE_NAMES: Record<Role, Localized> = {
  OWNER: { ja: 'オーナー', en: 'an owner' },
  ADMIN: { ja: '管理者', en: 'an admin' },
  EDITOR: { ja: '編集者', en: 'an editor' },
  STORE_MANAGER: { ja: '店長', en: 'a store manager' },
  VIEWER: { ja: '閲覧者', en: 'a viewer' },
};

export function approvalReason(settings: ReviewSettings, role: Role, review: Pick<ReviewRow, 'rating_stars' | 'rating_recommends'>): Localized | null {
  const rating = ratingOf(review);
  const max = settings.approvalMaxRating;
  if (max === null || rating === null || rating > max || !settings.approvalRoles.includes(role)) return null;
  const name = ROLE_NAMES[role];
  return {
    ja: `${name.ja}が評価${max}以下のクチコミに書いた返信は、オーナーまたは管理者の承認が必要です（このクチコミ：${rating}）。`,
    en: `${name.en[0]!.toUpperCase()}${name.en.slice(1)}'s reply to a rating of ${max} or less needs an owner's or admin's approval (this review: ${rating}).`,
  };
}

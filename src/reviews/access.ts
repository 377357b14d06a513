import type { Access, Permission } from '../auth/access.ts';
import type { Db } from '../db/database.ts';
import type { ReviewRow } from '../db/reviewsSchema.ts';
import { fieldError, type FieldError, type Result } from '../locations/model.ts';

const notFound = (path: string[]): FieldError => fieldError('NOT_FOUND', path, 'No such review.');

/**
 * A review the caller may act on. One answer, NOT_FOUND, for a review that does not exist and
 * for one in a store or organisation the caller cannot see, so ids reveal nothing; a caller who
 * can see it but lacks the permission hears FORBIDDEN.
 */
export async function reviewFor(db: Db, access: Access, reviewId: string, permission: Permission, path: string[] = ['reviewId']): Promise<Result<ReviewRow>> {
  const review = await db.selectFrom('reviews').selectAll().where('id', '=', reviewId).executeTakeFirst();
  if (!review || !(await access.canSeeLocation({ id: review.location_id, org_id: review.org_id }))) return { ok: false, errors: [notFound(path)] };
  if (!(await access.can(review.org_id, permission))) {
    return { ok: false, errors: [fieldError('FORBIDDEN', path, permission === 'approveReplies' ? 'Only an owner or admin may approve replies.' : 'Your role may read reviews but not answer them.')] };
  }
  return { ok: true, value: review };
}

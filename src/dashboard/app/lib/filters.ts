/** The inbox filters, kept in the URL query so a filtered view can be reloaded and shared. */
import type { Review, ReviewFilter } from '../api/types.ts';

export interface InboxFilters {
  unanswered: boolean;
  ratings: number[];
  platform: string | null;
  store: string | null;
  fake: boolean;
}

export const NO_FILTERS: InboxFilters = { unanswered: false, ratings: [], platform: null, store: null, fake: false };

export function filtersFromQuery(search: string): InboxFilters {
  const q = new URLSearchParams(search);
  const ratings = (q.get('rating') ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= 5);
  return {
    unanswered: q.get('unanswered') === '1',
    ratings: [...new Set(ratings)].sort((a, b) => a - b),
    platform: q.get('platform') || null,
    store: q.get('store') || null,
    fake: q.get('fake') === '1',
  };
}

export function filtersToQuery(filters: InboxFilters): string {
  const q = new URLSearchParams();
  if (filters.unanswered) q.set('unanswered', '1');
  if (filters.ratings.length > 0) q.set('rating', filters.ratings.join(','));
  if (filters.platform) q.set('platform', filters.platform);
  if (filters.store) q.set('store', filters.store);
  if (filters.fake) q.set('fake', '1');
  const text = q.toString();
  return text ? `?${text}` : '';
}

export function toReviewFilter(filters: InboxFilters): ReviewFilter {
  const filter: ReviewFilter = {};
  if (filters.unanswered) filter.unanswered = true;
  if (filters.ratings.length > 0) filter.ratings = filters.ratings;
  if (filters.platform) filter.platforms = [filters.platform];
  if (filters.store) filter.locationIds = [filters.store];
  if (filters.fake) filter.suspectedFake = true;
  return filter;
}

/** Stars as the server filters them: a recommendation counts as 5, one against as 1. */
function starsOf(review: Review): number | null {
  const rating = review.rating;
  if (!rating) return null;
  if (rating.kind === 'RECOMMENDATION') return rating.recommends == null ? null : rating.recommends ? 5 : 1;
  return rating.stars;
}

/** Whether a review pushed live belongs in the list as filtered, by the rules the server applies. */
export function matchesFilters(review: Review, filters: InboxFilters): boolean {
  if (filters.unanswered && review.reply?.state === 'PUBLISHED') return false;
  if (filters.ratings.length > 0) {
    const stars = starsOf(review);
    if (stars === null || !filters.ratings.includes(stars)) return false;
  }
  if (filters.platform && review.platform !== filters.platform) return false;
  if (filters.store && review.location.id !== filters.store) return false;
  if (filters.fake && !review.suspectedFake) return false;
  return true;
}

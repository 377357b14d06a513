/** The inbox list: pages from the server merged with reviews pushed live. */
import type { PageInfo, Review } from '../api/types.ts';

export interface ReviewList {
  reviews: Review[];
  /** Reviews that arrived live (or while disconnected) since the list was loaded. */
  fresh: ReadonlySet<string>;
  totalCount: number;
  pageInfo: PageInfo | null;
  loading: boolean;
  loadingMore: boolean;
  error: Error | null;
}

export interface Page {
  reviews: Review[];
  totalCount: number;
  pageInfo: PageInfo;
}

export type ReviewListAction =
  | { type: 'reset' }
  | { type: 'loadMore' }
  | { type: 'loaded'; page: Page; append: boolean }
  | { type: 'failed'; error: Error }
  /** A review pushed live: new ones go on top when they match the filters, known ones change in place. */
  | { type: 'pushed'; review: Review; added: boolean; matches: boolean }
  /** The first page read again after a reconnect: what was missed joins the list. */
  | { type: 'caughtUp'; page: Page }
  | { type: 'changed'; review: Review };

export const EMPTY_LIST: ReviewList = { reviews: [], fresh: new Set(), totalCount: 0, pageInfo: null, loading: true, loadingMore: false, error: null };

const replaceIn = (reviews: Review[], review: Review): Review[] => reviews.map((r) => (r.id === review.id ? review : r));

export function reviewListReducer(state: ReviewList, action: ReviewListAction): ReviewList {
  switch (action.type) {
    case 'reset':
      return EMPTY_LIST;
    case 'loadMore':
      return { ...state, loadingMore: true, error: null };
    case 'loaded': {
      const known = new Set(state.reviews.map((r) => r.id));
      // A review pushed live before its page arrived is already listed: skip the duplicate.
      const reviews = action.append ? [...state.reviews, ...action.page.reviews.filter((r) => !known.has(r.id))] : action.page.reviews;
      return { ...state, reviews, totalCount: action.page.totalCount, pageInfo: action.page.pageInfo, loading: false, loadingMore: false, error: null, fresh: action.append ? state.fresh : new Set() };
    }
    case 'failed':
      return { ...state, loading: false, loadingMore: false, error: action.error };
    case 'pushed': {
      const known = state.reviews.some((r) => r.id === action.review.id);
      if (known) return { ...state, reviews: replaceIn(state.reviews, action.review) };
      if (!action.added || !action.matches || state.loading) return state;
      return { ...state, reviews: [action.review, ...state.reviews], totalCount: state.totalCount + 1, fresh: new Set([...state.fresh, action.review.id]) };
    }
    case 'caughtUp': {
      const byId = new Map(action.page.reviews.map((r) => [r.id, r]));
      const known = new Set(state.reviews.map((r) => r.id));
      const missed = action.page.reviews.filter((r) => !known.has(r.id));
      return {
        ...state,
        reviews: [...missed, ...state.reviews.map((r) => byId.get(r.id) ?? r)],
        totalCount: action.page.totalCount,
        fresh: new Set([...state.fresh, ...missed.map((r) => r.id)]),
      };
    }
    case 'changed':
      return { ...state, reviews: replaceIn(state.reviews, action.review) };
  }
}

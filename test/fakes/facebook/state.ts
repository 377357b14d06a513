/**
 * What the fake Graph API holds: Pages (a main Page and its location Pages), Page access tokens,
 * recommendations with their stories' comments, proposed changes, and Instagram professional
 * accounts linked to Pages. Seeds are stored as given; requests go through graph.ts's checks.
 */
import type { Json } from './fields.ts';

export interface FakePage {
  id: string;
  name: string;
  parentId: string | null;
  store_number?: number;
  store_code?: string;
  store_location_descriptor?: string;
  location?: { [key: string]: Json };
  phone?: string;
  website?: string;
  hours?: { [key: string]: string };
  about?: string;
  category_list?: { id: string; name: string }[];
  temporary_status?: string;
  is_permanently_closed?: boolean;
  instagram_business_account?: string;
}

export interface FakeRating {
  storyId: string;
  created_time: string;
  recommendation_type?: 'positive' | 'negative';
  rating?: number;
  review_text?: string;
  reviewer?: { id: string; name: string };
}

export interface FakeComment {
  id: string;
  storyId: string;
  from: { id: string; name: string };
  message: string;
  created_time: string;
}

export interface FakeIgUser {
  id: string;
  username: string;
  name?: string;
  biography?: string;
  website?: string;
  followers_count?: number;
}

export interface TokenInfo {
  pageId: string;
  state: 'valid' | 'expired' | 'revoked';
}

/** Facebook's time format: "2026-01-02T03:04:05+0000". */
export function graphTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
}

export class GraphState {
  readonly pages = new Map<string, FakePage>();
  readonly tokens = new Map<string, TokenInfo>();
  readonly ratings = new Map<string, FakeRating[]>();
  readonly comments = new Map<string, FakeComment>();
  readonly upcomingChanges = new Map<string, { [key: string]: Json }[]>();
  readonly igUsers = new Map<string, FakeIgUser>();
  /** Facebook Page category ids the fake knows, with their names. */
  readonly categories = new Map<string, string>([['218838724804749', 'Ramen Restaurant']]);
  #next = 1_000_000_000_000;

  newId(): string {
    return String(this.#next++);
  }

  issueToken(pageId: string): string {
    const token = `EAAG${pageId}x${this.#next++}`;
    this.tokens.set(token, { pageId, state: 'valid' });
    return token;
  }

  tokenOf(pageId: string): string | undefined {
    for (const [token, info] of this.tokens) if (info.pageId === pageId && info.state === 'valid') return token;
    return undefined;
  }

  children(parentId: string): FakePage[] {
    return [...this.pages.values()].filter((p) => p.parentId === parentId);
  }

  /** The Page as Graph answers it (the fields the fake keeps, plus its link). */
  pageJson(page: FakePage): { [key: string]: Json } {
    const { parentId, instagram_business_account, ...rest } = page;
    const out: { [key: string]: Json } = { ...(rest as { [key: string]: Json }), link: `https://www.facebook.com/${page.id}` };
    if (parentId) out.parent_page = { id: parentId };
    if (instagram_business_account) {
      const ig = this.igUsers.get(instagram_business_account);
      out.instagram_business_account = { id: instagram_business_account, ...(ig ? { username: ig.username } : {}) };
    }
    return out;
  }

  storyOwner(storyId: string): string | undefined {
    for (const [pageId, list] of this.ratings) if (list.some((r) => r.storyId === storyId)) return pageId;
    return undefined;
  }

  commentsOf(storyId: string): FakeComment[] {
    return [...this.comments.values()].filter((c) => c.storyId === storyId);
  }

  ratingJson(r: FakeRating): { [key: string]: Json } {
    const comments = this.commentsOf(r.storyId).map((c) => ({ ...c }) as unknown as { [key: string]: Json });
    const out: { [key: string]: Json } = {
      created_time: r.created_time,
      has_rating: r.rating !== undefined || r.recommendation_type !== undefined,
      has_review: r.review_text !== undefined,
      open_graph_story: { id: r.storyId, comments: { data: comments } },
    };
    if (r.recommendation_type) out.recommendation_type = r.recommendation_type;
    if (r.rating !== undefined) out.rating = r.rating;
    if (r.review_text !== undefined) out.review_text = r.review_text;
    if (r.reviewer) out.reviewer = r.reviewer;
    return out;
  }
}

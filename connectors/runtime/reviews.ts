import type { PlatformCall } from './connector.ts';

/**
 * The reviews half of a connector (DESIGN.md data flow 4). A platform with the `reviewsRead`
 * capability implements `ConnectorReviews`; the runtime (src/reviews/pull.ts) keeps the bookmark,
 * upserts, screens and notifies, so a connector only speaks its platform's wire format.
 */

export type PlatformRating =
  | { kind: 'STARS'; stars: 1 | 2 | 3 | 4 | 5 }
  /** Facebook-style recommendations: recommends or does not recommend. */
  | { kind: 'RECOMMENDATION'; recommends: boolean };

export interface PlatformReviewMedia {
  kind: 'PHOTO' | 'VIDEO';
  url: string;
}

export interface PlatformReply {
  text: string;
  updatedAt: Date;
}

/** One review as the platform shows it, in Tenpo's shape. */
export interface PlatformReview {
  /** Stable per platform; the upsert key with the platform id. */
  platformReviewId: string;
  /** The platform's id of the listing reviewed (the listings table's platform_listing_id). */
  platformListingId: string;
  author: {
    /** null when the platform withholds it. */
    name: string | null;
    anonymous: boolean;
    /** The platform's id for the reviewer where it gives one; screening links reviewers by it. */
    platformAuthorId: string | null;
    photoUrl: string | null;
  };
  /** null for a platform review with no rating at all. */
  rating: PlatformRating | null;
  text: string | null;
  /** BCP 47 when the platform says; null otherwise (Tenpo guesses from the text). */
  language: string | null;
  media: PlatformReviewMedia[];
  createdAt: Date;
  updatedAt: Date;
  /** The owner's reply as published on the platform, whoever wrote it. */
  reply: PlatformReply | null;
  /** Where the public reads the review, when the platform gives a link. */
  url: string | null;
}

export interface ReviewPage {
  reviews: PlatformReview[];
  /** Opaque; null on the last page. */
  nextPageToken: string | null;
}

export interface ReplyTarget {
  platformListingId: string;
  platformReviewId: string;
}

export interface ConnectorReviews<Session = unknown> {
  /** How many listings one `listRecent` call may cover (Google batchGetReviews: 200). */
  readonly batchSize: number;
  /** False where reviews come back without the owner's reply (Yelp): Tenpo then keeps the reply it published. */
  readonly showsReplies?: boolean;
  /**
   * Reviews of the given listings, most recently updated first, one page per call. The runtime
   * stops paging once a page goes past its bookmark, so a pull reads only what changed.
   */
  listRecent(session: Session, call: PlatformCall, request: { platformListingIds: readonly string[]; pageToken: string | null }): Promise<ReviewPage>;
  /**
   * Every review of one listing, one page per call: the backfill on first connect, and the
   * sweep that notices reviews deleted upstream (a deleted review simply stops being listed).
   * `total` is the platform's own count where it gives one. Absent where the platform shows only
   * its newest few (Tripadvisor's Content API: five): the runtime then follows new reviews only,
   * and never takes an unlisted one as deleted.
   */
  listAll?(session: Session, call: PlatformCall, request: { platformListingId: string; pageToken: string | null }): Promise<ReviewPage & { total: number | null }>;
  /** Publishes or replaces the owner's reply. Idempotent: the same text twice leaves one reply. */
  reply(session: Session, call: PlatformCall, request: ReplyTarget & { text: string }): Promise<PlatformReply>;
  deleteReply(session: Session, call: PlatformCall, request: ReplyTarget): Promise<void>;
}

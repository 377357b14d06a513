import { sql } from 'kysely';
import type { Connector, PlatformCall } from '../../connectors/runtime/connector.ts';
import { waitBeforeRetry } from '../../connectors/runtime/call.ts';
import { PlatformError } from '../../connectors/runtime/errors.ts';
import type { ConnectorReviews, PlatformReview, ReviewPage } from '../../connectors/runtime/reviews.ts';
import type { PlatformConnectionRow } from '../db/schema.ts';
import type { Engine } from '../listings/engine.ts';
import { findConnection } from '../platforms/repository.ts';
import { credentialsRevoked } from '../platforms/service.ts';
import type { ReviewEvent } from './events.ts';
import { screenPulledReviews } from './screening.ts';
import { upsertReviews, type ListingRef, type ToScreen, type UpsertScope } from './upsert.ts';

/**
 * Data flow 4, the pull: per connection, from its bookmark (the newest platform update time
 * read so far). A listing read for the first time is backfilled with its whole history; after
 * that only what changed since the bookmark is read, newest first, stopping at the bookmark.
 * Platforms list what exists and say nothing of deletions, so every listing is also swept in
 * full now and then, and a review the sweep no longer finds is marked deleted.
 */
export type PullOutcome =
  | { kind: 'done'; added: number; updated: number; deleted: number }
  /** Quota or open circuit: pull again once `retryAfterMs` has passed (what was stored stays). */
  | { kind: 'deferred'; retryAfterMs: number }
  | { kind: 'retry'; error: PlatformError };

export interface PullOptions {
  /** How often each listing's reviews are read in full, to notice deletions. */
  sweepEveryMs: number;
  now?: Date;
}

// Platform clocks and replication lag: re-read a little before the bookmark; the upsert makes
// a re-read review cost nothing.
export const BOOKMARK_OVERLAP_MS = 10 * 60_000;

interface PullListing extends ListingRef {
  platformListingId: string;
  sweptAt: Date | null;
}

class Tally {
  added = 0;
  updated = 0;
  deleted = 0;
  count(events: readonly ReviewEvent[]): void {
    for (const e of events) {
      if (e.kind === 'REVIEW_ADDED') this.added += 1;
      else if (e.kind === 'REVIEW_UPDATED') this.updated += 1;
      else if (e.kind === 'REVIEW_DELETED') this.deleted += 1;
    }
  }
}

export async function pullConnectionReviews(engine: Engine, connectionId: string, options: PullOptions): Promise<PullOutcome> {
  const connection = await findConnection(engine.db, connectionId);
  const connector = connection && engine.registry.get(connection.platform);
  const reviews = connector?.reviews;
  if (!connection || connection.status !== 'ACTIVE' || !connector?.manifest.capabilities.reviewsRead || !reviews) return { kind: 'done', added: 0, updated: 0, deleted: 0 };
  const session = engine.sessions.get(connector, connection);
  const call = engine.callFor(connector);
  const listings = await pullListings(engine, connectionId);
  const scope: UpsertScope = {
    orgId: connection.org_id,
    platform: connection.platform,
    connectionId,
    listings: new Map(listings.map((l) => [l.platformListingId, l])),
    showsReplies: reviews.showsReplies !== false,
  };
  const now = options.now ?? new Date();
  const tally = new Tally();
  const pull = new Pull(engine, scope, tally);
  try {
    const listAll = reviews.listAll?.bind(reviews);
    const due = listAll ? listings.filter((l) => l.sweptAt === null || now.getTime() - l.sweptAt.getTime() >= options.sweepEveryMs) : [];
    for (const listing of due) await pull.sweep(listAll!, session, call, listing, now);
    const swept = new Set(due.map((l) => l.listingId));
    const rest = listings.filter((l) => !swept.has(l.listingId));
    const bookmark = connection.reviews_bookmark;
    if (rest.length > 0) await pull.recent(reviews, session, call, rest, bookmark);
    await engine.db
      .updateTable('platform_connections')
      .set({ reviews_bookmark: pull.newest(bookmark), reviews_pulled_at: now })
      .where('id', '=', connectionId)
      .execute();
  } catch (raw) {
    return failed(engine, connector, connection, raw);
  }
  return { kind: 'done', added: tally.added, updated: tally.updated, deleted: tally.deleted };
}

async function failed(engine: Engine, connector: Connector, connection: PlatformConnectionRow, raw: unknown): Promise<PullOutcome> {
  const error = raw instanceof PlatformError ? raw : connector.classifyError(raw);
  const wait = waitBeforeRetry(error);
  if (wait !== null) return { kind: 'deferred', retryAfterMs: wait };
  if (error.kind === 'TRANSIENT') return { kind: 'retry', error };
  if (error.kind === 'AUTH_REVOKED') {
    await credentialsRevoked(engine, connection.id, error.message);
    return { kind: 'done', added: 0, updated: 0, deleted: 0 };
  }
  throw error;
}

async function pullListings(engine: Engine, connectionId: string): Promise<PullListing[]> {
  const rows = await engine.db
    .selectFrom('listings as li')
    .innerJoin('locations as lo', 'lo.id', 'li.location_id')
    .select(['li.id', 'li.location_id', 'li.platform_listing_id', 'li.reviews_swept_at', 'lo.store_code'])
    .where('li.connection_id', '=', connectionId)
    .where('li.platform_listing_id', 'is not', null)
    .where('lo.archived_at', 'is', null)
    .orderBy('li.id')
    .execute();
  return rows.map((r) => ({ listingId: r.id, locationId: r.location_id, storeCode: r.store_code, platformListingId: r.platform_listing_id!, sweptAt: r.reviews_swept_at }));
}

/** One pull's work: store each page as it arrives, screen, tell the dashboard. */
class Pull {
  private latest: Date | null = null;
  private pendingScreening: ToScreen[] = [];
  private pendingEvents: ReviewEvent[] = [];

  constructor(
    private readonly engine: Engine,
    private readonly scope: UpsertScope,
    private readonly tally: Tally,
  ) {}

  newest(bookmark: Date | null): Date | null {
    if (!this.latest) return bookmark;
    return bookmark && bookmark > this.latest ? bookmark : this.latest;
  }

  private async store(page: readonly PlatformReview[]): Promise<string[]> {
    for (const r of page) if (!this.latest || r.updatedAt > this.latest) this.latest = r.updatedAt;
    const { events, toScreen, seen } = await upsertReviews(this.engine.db, this.scope, page);
    this.pendingScreening.push(...toScreen);
    this.pendingEvents.push(...events);
    return seen;
  }

  /**
   * Screens what was stored, oldest first as the reviews were written (platforms list newest
   * first, and a store's usual pace must be learnt in order), then tells the dashboard, so a
   * review appears there with its verdict.
   */
  private async flush(): Promise<void> {
    const toScreen = this.pendingScreening.sort((a, b) => a.review.createdAt.getTime() - b.review.createdAt.getTime());
    this.pendingScreening = [];
    if (this.engine.fraud && toScreen.length > 0) await screenPulledReviews(this.engine.fraud, this.engine.db, this.engine.log, this.scope.orgId, this.scope.platform, toScreen);
    const events = this.pendingEvents;
    this.pendingEvents = [];
    this.publish(events);
  }

  private publish(events: ReviewEvent[]): void {
    this.tally.count(events);
    if (events.length > 0) this.engine.events?.publish(this.scope.orgId, events);
  }

  /** Every review of the listing; those no longer listed were deleted on the platform. */
  async sweep(listAll: NonNullable<ConnectorReviews['listAll']>, session: unknown, call: PlatformCall, listing: PullListing, now: Date): Promise<void> {
    const seen: string[] = [];
    let pageToken: string | null = null;
    do {
      let page: ReviewPage & { total: number | null };
      try {
        page = await listAll(session, call, { platformListingId: listing.platformListingId, pageToken });
      } catch (raw) {
        // The listing itself is gone: its reviews stay as they were; read-back reports the listing.
        if (raw instanceof PlatformError && raw.kind === 'NOT_FOUND') return;
        throw raw;
      }
      seen.push(...(await this.store(page.reviews)));
      pageToken = page.nextPageToken;
    } while (pageToken);
    await this.flush();
    // Only after the last page: a sweep cut short must not read as deletions.
    const gone = await this.engine.db
      .updateTable('reviews')
      .set({ deleted_at: now })
      .where('listing_id', '=', listing.listingId)
      .where('deleted_at', 'is', null)
      .where(sql<boolean>`not (platform_review_id = any(${seen}::text[]))`)
      .returning(['id', 'location_id'])
      .execute();
    await this.engine.db.updateTable('listings').set({ reviews_swept_at: now }).where('id', '=', listing.listingId).execute();
    this.publish(gone.map((g) => ({ kind: 'REVIEW_DELETED', reviewId: g.id, locationId: g.location_id })));
  }

  /** Reviews updated since the bookmark, newest first, in batches of the platform's size. */
  async recent(reviews: ConnectorReviews, session: unknown, call: PlatformCall, listings: readonly PullListing[], bookmark: Date | null): Promise<void> {
    const since = bookmark ? bookmark.getTime() - BOOKMARK_OVERLAP_MS : null;
    for (let i = 0; i < listings.length; i += reviews.batchSize) {
      const platformListingIds = listings.slice(i, i + reviews.batchSize).map((l) => l.platformListingId);
      let pageToken: string | null = null;
      do {
        const page = await reviews.listRecent(session, call, { platformListingIds, pageToken });
        const fresh = since === null ? page.reviews : page.reviews.filter((r) => r.updatedAt.getTime() >= since);
        await this.store(fresh);
        // Newest first: once a page holds something older than the bookmark, the rest is older too.
        pageToken = fresh.length < page.reviews.length ? null : page.nextPageToken;
      } while (pageToken);
      await this.flush();
    }
  }
}

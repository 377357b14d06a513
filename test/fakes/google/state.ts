/**
 * What the fake Google knows: accounts, locations (the merchant's version plus any edits Google made
 * on its side) and reviews. Everything handed out is a copy, so tests cannot mutate it by accident.
 */
import type { mybusinessaccountmanagement_v1, mybusinessbusinessinformation_v1 } from 'googleapis';
import type { FakeClock } from './clock.ts';
import { LOCATION_FIELDS, applyMask, clone, pathsOverlap } from './fieldMask.ts';

export type Account = mybusinessaccountmanagement_v1.Schema$Account;
export type Location = mybusinessbusinessinformation_v1.Schema$Location;

export type StarRating = 'ONE' | 'TWO' | 'THREE' | 'FOUR' | 'FIVE';
export const STAR_VALUE: Record<StarRating, number> = { ONE: 1, TWO: 2, THREE: 3, FOUR: 4, FIVE: 5 };

export interface ReviewReply {
  comment: string;
  updateTime: string;
}

/** v4 Review resource (mybusiness.googleapis.com/v4 accounts.locations.reviews). */
export interface Review {
  name: string;
  reviewId: string;
  reviewer: { displayName?: string; profilePhotoUrl?: string; isAnonymous?: boolean };
  starRating: StarRating;
  comment?: string;
  createTime: string;
  updateTime: string;
  reviewReply?: ReviewReply;
}

export interface ReviewInput {
  reviewId?: string;
  reviewer?: Review['reviewer'];
  starRating: StarRating;
  comment?: string;
  /** Defaults to the fake clock's now. */
  createTime?: string;
  updateTime?: string;
  reviewReply?: ReviewReply;
}

interface GoogleEdits {
  values: Location;
  paths: string[];
}

interface LocationRecord {
  id: string;
  account: string;
  data: Location;
  google: GoogleEdits | null;
}

/** `accounts/123` → `123`; throws on anything else. */
export function idOf(name: string, collection: 'accounts' | 'locations'): string {
  const m = new RegExp(`^${collection}/([^/]+)$`).exec(name);
  if (!m) throw new Error(`not a ${collection} resource name: ${name}`);
  return m[1] as string;
}

export class GbpState {
  private readonly accounts = new Map<string, Account>();
  private readonly locations = new Map<string, LocationRecord>();
  private readonly reviewsByLocation = new Map<string, Review[]>();
  private readonly createRequests = new Map<string, string>();
  private nextId = 1;

  constructor(private readonly clock: FakeClock) {}

  private newId(): string {
    return String(10_000_000_000_000 + this.nextId++ * 7_919);
  }

  // ---- accounts ----------------------------------------------------------------------------

  addAccount(input: Account & { id?: string } = {}): Account {
    const { id = this.newId(), ...rest } = input;
    const account: Account = {
      name: `accounts/${id}`,
      accountName: `Account ${id}`,
      type: 'LOCATION_GROUP',
      role: 'PRIMARY_OWNER',
      verificationState: 'VERIFIED',
      vettedState: 'NOT_VETTED',
      permissionLevel: 'OWNER_LEVEL',
      ...clone(rest),
    };
    if (this.accounts.has(account.name as string)) throw new Error(`${account.name} already exists`);
    this.accounts.set(account.name as string, account);
    return clone(account);
  }

  account(name: string): Account | undefined {
    return clone(this.accounts.get(name));
  }

  listAccounts(): Account[] {
    return [...this.accounts.values()].map(clone);
  }

  // ---- locations ---------------------------------------------------------------------------

  /** Adds a location under `account` exactly as given (no validation: seeds may be anything). */
  addLocation(account: string, input: Location & { id?: string } = {}): Location {
    if (!this.accounts.has(account)) throw new Error(`no such account: ${account}`);
    const { id = this.newId(), ...rest } = input;
    const name = `locations/${id}`;
    if (this.locations.has(name)) throw new Error(`${name} already exists`);
    const data: Location = { languageCode: 'en', title: `Store ${id}`, ...clone(rest), name };
    delete data.metadata;
    this.locations.set(name, { id, account, data, google: null });
    this.reviewsByLocation.set(name, []);
    return this.location(name) as Location;
  }

  hasLocation(name: string): boolean {
    return this.locations.has(name);
  }

  accountOf(locationName: string): string | undefined {
    return this.locations.get(locationName)?.account;
  }

  /** The merchant's version, as `locations.get` shows it (metadata included). */
  location(name: string): Location | undefined {
    const rec = this.locations.get(name);
    return rec ? this.withMetadata(rec, clone(rec.data)) : undefined;
  }

  /** Google's version, as `locations.getGoogleUpdated` shows it. */
  googleView(name: string): { location: Location; diffMask: string[] } | undefined {
    const rec = this.locations.get(name);
    if (!rec) return undefined;
    const view = clone(rec.data) as Record<string, unknown>;
    if (rec.google) applyMask(view, rec.google.values as Record<string, unknown>, rec.google.paths);
    return { location: this.withMetadata(rec, view as Location), diffMask: rec.google ? [...rec.google.paths] : [] };
  }

  /** Names of the account's locations, in creation order. */
  locationNames(account: string): string[] {
    return [...this.locations.entries()].filter(([, r]) => r.account === account).map(([n]) => n);
  }

  /** Replaces the merchant's version (after a successful patch) and settles Google's edits it touched. */
  replaceLocation(name: string, data: Location, touchedPaths: readonly string[]): void {
    const rec = this.mustGet(name);
    const stored = clone(data);
    delete stored.metadata;
    stored.name = name;
    rec.data = stored;
    if (rec.google) {
      const remaining = rec.google.paths.filter((p) => !touchedPaths.some((t) => pathsOverlap(p, t)));
      rec.google = remaining.length > 0 ? { values: rec.google.values, paths: remaining } : null;
    }
  }

  deleteLocation(name: string): boolean {
    this.reviewsByLocation.delete(name);
    return this.locations.delete(name);
  }

  /** Remembers which location a create `requestId` made, so a retried create returns it again. */
  rememberCreate(requestId: string, name: string): void {
    this.createRequests.set(requestId, name);
  }

  createdBy(requestId: string): string | undefined {
    return this.createRequests.get(requestId);
  }

  /**
   * An edit made on Google's side (a user suggestion, Google's own data). The merchant's version is
   * unchanged; `metadata.hasGoogleUpdated` turns true and `getGoogleUpdated` shows the new values with
   * `diffMask` naming them. `diffMask` defaults to the paths present in `patch` (one level into
   * message fields, e.g. `storefrontAddress.postalCode`).
   */
  googleEdit(name: string, patch: Location, diffMask?: readonly string[]): string[] {
    const rec = this.mustGet(name);
    const paths = diffMask ? [...diffMask] : derivePaths(patch);
    if (paths.length === 0) throw new Error('googleEdit: nothing to change');
    const values = clone(rec.google?.values ?? {}) as Record<string, unknown>;
    applyMask(values, patch as Record<string, unknown>, paths);
    const kept = (rec.google?.paths ?? []).filter((p) => !paths.some((n) => pathsOverlap(p, n)));
    rec.google = { values: values as Location, paths: [...kept, ...paths] };
    return [...rec.google.paths];
  }

  private withMetadata(rec: LocationRecord, loc: Location): Location {
    const placeId = `ChIJfake${rec.id}`;
    loc.metadata = {
      hasGoogleUpdated: rec.google !== null,
      hasPendingEdits: false,
      canDelete: true,
      canModifyServiceList: true,
      hasVoiceOfMerchant: true,
      placeId,
      mapsUri: `https://maps.google.com/maps?cid=${rec.id}`,
      newReviewUri: `https://search.google.com/local/writereview?placeid=${placeId}`,
    };
    return loc;
  }

  private mustGet(name: string): LocationRecord {
    const rec = this.locations.get(name);
    if (!rec) throw new Error(`no such location: ${name}`);
    return rec;
  }

  // ---- reviews -----------------------------------------------------------------------------

  /** A customer writes a review of `locationName` (`locations/{id}`). */
  addReview(locationName: string, input: ReviewInput): Review {
    const rec = this.mustGet(locationName);
    const reviewId = input.reviewId ?? `AbFvOq${this.newId()}`;
    const now = this.clock.isoNow();
    const iso = (t: string | undefined) => (t === undefined ? undefined : new Date(t).toISOString());
    const review: Review = {
      name: `${rec.account}/${locationName}/reviews/${reviewId}`,
      reviewId,
      reviewer: input.reviewer ?? { displayName: 'A Google User', isAnonymous: false },
      starRating: input.starRating,
      createTime: iso(input.createTime) ?? now,
      updateTime: iso(input.updateTime ?? input.createTime) ?? now,
    };
    if (input.comment !== undefined) review.comment = input.comment;
    if (input.reviewReply) review.reviewReply = { ...input.reviewReply, updateTime: iso(input.reviewReply.updateTime) as string };
    (this.reviewsByLocation.get(locationName) as Review[]).push(review);
    return clone(review);
  }

  /** The customer edits their review: Google shows the new version with updateTime = now; the reply stays. */
  editReview(locationName: string, reviewId: string, patch: { starRating?: StarRating; comment?: string }): Review {
    const review = this.reviewRef(locationName, reviewId);
    if (!review) throw new Error(`no review ${reviewId} of ${locationName}`);
    if (patch.starRating !== undefined) review.starRating = patch.starRating;
    if (patch.comment !== undefined) review.comment = patch.comment;
    review.updateTime = this.clock.isoNow();
    return clone(review);
  }

  /** The customer deletes their review: it stops being listed (list, get, batch) at once. */
  deleteReview(locationName: string, reviewId: string): void {
    const reviews = this.reviewsByLocation.get(locationName) ?? [];
    const at = reviews.findIndex((r) => r.reviewId === reviewId);
    if (at < 0) throw new Error(`no review ${reviewId} of ${locationName}`);
    reviews.splice(at, 1);
  }

  reviews(locationName: string): Review[] {
    return (this.reviewsByLocation.get(locationName) ?? []).map(clone);
  }

  /** The stored review object itself (for the reviews handlers), by its id. */
  reviewRef(locationName: string, reviewId: string): Review | undefined {
    return this.reviewsByLocation.get(locationName)?.find((r) => r.reviewId === reviewId);
  }
}

function derivePaths(patch: Location): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    const subs = LOCATION_FIELDS[key];
    if (subs && value && typeof value === 'object' && !Array.isArray(value)) {
      const inner = Object.keys(value).filter((k) => subs.includes(k));
      if (inner.length > 0) {
        paths.push(...inner.map((k) => `${key}.${k}`));
        continue;
      }
    }
    paths.push(key);
  }
  return paths;
}

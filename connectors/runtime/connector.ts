import type { LocationData, LocationField } from '../../src/locations/model.ts';
import type { ConnectorManifest } from './manifest.ts';
import type { PlatformError } from './errors.ts';
import type { ConnectorFeed } from './feed.ts';
import type { ConnectorReviews } from './reviews.ts';

/**
 * The behaviour half of a connector (DESIGN.md, "Connectors"). A connector holds its mapping and
 * its rules; the runtime owns quotas, retries, the circuit breaker, error bookkeeping and the
 * listing state. Every platform request a connector makes goes through the `PlatformCall` it is
 * handed, which is how quotas hold across all workers.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * The location in the platform's shape, keyed by the platform's smallest independently writable
 * unit (Google: the `updateMask` paths such as `title`, `phoneNumbers`, `profile.description`).
 * The runtime diffs projections key by key, so a key must hold everything that is sent together.
 * A key that is absent means "not set on the platform".
 */
export type Projection = Readonly<Record<string, JsonValue>>;

/** Why a location cannot be published on a platform. */
export interface ListingProblem {
  /** NOT_ELIGIBLE: the platform does not take this business (country, category, business type).
   *  ACTION_REQUIRED: a user can fix it by changing `field`. */
  kind: 'NOT_ELIGIBLE' | 'ACTION_REQUIRED';
  /** The Tenpo field to change, e.g. "description"; null when no single field is at fault. */
  field: LocationField | null;
  /** Stable machine code of the platform rule, e.g. "google.description.maxLength". */
  rule: string;
  /** What a user reads: the rule in plain words and what to do. */
  message: string;
}

export type ProjectResult =
  | {
      ok: true;
      projection: Projection;
      /** Tenpo fields that hold a value this platform has no place for (per-field NOT_SUPPORTED). */
      notSupported: LocationField[];
    }
  | { ok: false; problems: ListingProblem[] };

export interface ProjectContext {
  /** The connection's settings (e.g. the Google account that owns new listings). */
  settings: Readonly<Record<string, JsonValue>>;
}

/** Which request a call is, for quota accounting: reads and writes draw on different budgets. */
export type CallKind = 'read' | 'edit' | 'create';

export interface CallOptions {
  kind: CallKind;
  /** The platform listing the call touches, for per-listing quotas (Google: 10 edits/min/profile). */
  listingKey?: string;
}

export interface CallSignal {
  /** Aborts when the runtime's per-request timeout passes; pass to the HTTP client. */
  signal: AbortSignal;
  timeoutMs: number;
}

/**
 * Runs one platform request within the quotas and the circuit breaker. Errors thrown by `fn` go
 * through the connector's `classifyError` and come out as PlatformError. A call may wait for a
 * quota slot only briefly; when the wait is long it throws PlatformError RATE_LIMITED and the
 * runtime reschedules the job instead of holding a worker.
 */
export type PlatformCall = <T>(options: CallOptions, fn: (call: CallSignal) => Promise<T>) => Promise<T>;

export interface DeliverRequest {
  /** The platform's listing id, or null when Tenpo is to create the listing. */
  platformListingId: string | null;
  /** The store's code in Tenpo, which platforms keep as the chain's own reference. */
  storeCode: string;
  projection: Projection;
  /** Projection keys to send: changed since the last delivery, or removed (absent in `projection`). */
  changed: readonly string[];
  /** True before the listing's first successful write (Google: validate first). */
  firstWrite: boolean;
  /** Stable per listing, so a create retried after a crash does not create a second listing. */
  requestId: string;
}

export interface DeliverResult {
  platformListingId: string;
  publicUrl: string | null;
  /** SUBMITTED when the platform reviews changes before showing them. */
  status: 'IN_SYNC' | 'SUBMITTED';
}

export interface ReadBackResult {
  /** What the platform shows, keyed like the projection. */
  current: Projection;
  /** Values the platform changed on its side and awaits a decision on (Google's diffMask), keyed like the projection. */
  platformEdits: Projection;
  publicUrl: string | null;
  /** Whether the platform says the data is live (IN_SYNC) or still under its review (SUBMITTED);
   *  absent when it does not say, and then a read-back matching the delivery counts as live. */
  status?: 'IN_SYNC' | 'SUBMITTED';
  /** Keys the platform takes but never shows back (Yelp's website and specialties): not drift when absent. */
  unseen?: readonly string[];
  /** The listing's id now, when the one read by has become another (a Foursquare suggestion the
   *  platform has made into a place); the runtime links the listing to it. */
  listingId?: string;
}

/** Credentials as stored (sealed) for a connection; the shape is the connector's own. */
export type Credentials = Readonly<Record<string, JsonValue>>;

export interface SessionInput {
  credentials: Credentials;
  settings: Readonly<Record<string, JsonValue>>;
  /** Called when the platform issues new credentials (a refreshed access token); the runtime seals and stores them. */
  onCredentials(credentials: Credentials): void;
}

export interface VerifiedAccount {
  /** The platform's id for the account, e.g. "accounts/123". */
  externalAccount: string;
  displayName: string;
}

/** A listing that already exists on the platform, for linking it to a location by store code. */
export interface PlatformListingSummary {
  platformListingId: string;
  storeCode: string | null;
  title: string;
  publicUrl: string | null;
}

export interface Connector<Session = unknown> {
  manifest: ConnectorManifest;
  /** Projection key → the Tenpo fields it is made from, for per-field status and suggested edits. */
  fields: Readonly<Record<string, readonly LocationField[]>>;
  /** zod-validated by the connector; throws PlatformError INVALID on bad credentials. */
  parseCredentials(input: unknown): Credentials;
  openSession(input: SessionInput): Session;
  /** On connect: proves the credentials reach `account` (or the default account). */
  verify(session: Session, call: PlatformCall, account: string | null): Promise<VerifiedAccount>;
  /** Every listing the account holds on the platform, page by page (for linking on connect). */
  discover?(session: Session, call: PlatformCall, account: string): AsyncIterable<PlatformListingSummary>;
  /** Pure: no I/O. */
  project(location: LocationData, context: ProjectContext): ProjectResult;
  /** Per-listing delivery: present when the manifest's reach is "api" or "partner-api". */
  deliver?(session: Session, call: PlatformCall, request: DeliverRequest): Promise<DeliverResult>;
  /** Present when the manifest has the readBack capability. */
  readBack?(session: Session, call: PlatformCall, platformListingId: string): Promise<ReadBackResult>;
  /** Bulk delivery: present when the manifest's reach is "feed". */
  feed?: ConnectorFeed<Session>;
  /**
   * The Tenpo patch that makes the location show `value` for projection key `key` (accepting a
   * platform-side edit), or null when the value cannot be expressed in Tenpo's model.
   */
  toLocationPatch(key: string, value: JsonValue | undefined, current: LocationData): Partial<LocationData> | null;
  /** Maps anything the platform client threw to a PlatformError. */
  classifyError(error: unknown): PlatformError;
  /** Present when the manifest has the reviewsRead capability. */
  reviews?: ConnectorReviews<Session>;
}

/** A connector whose listed parts are present, for code and tests that hold one concrete platform. */
export type ConnectorWith<Session, K extends 'deliver' | 'readBack' | 'feed' | 'reviews' | 'discover'> = Connector<Session> & Required<Pick<Connector<Session>, K>>;

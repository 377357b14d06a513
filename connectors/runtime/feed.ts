import type { PlatformCall, Projection } from './connector.ts';

/**
 * The feed half of a connector, for platforms that take bulk files instead of per-listing calls
 * (reach "feed": HERE, TomTom, the data aggregators). The runtime collects every listing of a
 * connection that projected, asks the connector to render one file in the platform's documented
 * format, delivers it, and later reads the platform's processing report. A listing is SUBMITTED
 * once the file is delivered and IN_SYNC only when the report accepts its row.
 */

export interface FeedEntry {
  /** Tenpo's listing id: stable, for the platform's reference column where it has one. */
  listingId: string;
  storeCode: string;
  projection: Projection;
}

export interface FeedFile {
  /** As the platform wants it named, e.g. "tenpo_20261128T0930Z.csv". */
  name: string;
  contentType: string;
  body: Uint8Array;
  /** Rows written; equals the entries given. */
  rows: number;
}

export interface FeedRowRejection {
  storeCode: string;
  /** The platform's reason in plain words. */
  message: string;
  /** The platform's own code or column, kept for support. */
  platformCode: string | null;
}

export type FeedReport =
  /** Still being processed: ask again later. */
  | { state: 'PROCESSING' }
  | { state: 'DONE'; accepted: string[]; rejected: FeedRowRejection[] }
  /** The whole file was refused (malformed, wrong account); nothing in it was taken. */
  | { state: 'FAILED'; message: string };

export interface ConnectorFeed<Session = unknown> {
  /** Pure: the whole file for these entries (a feed is a full snapshot, not a delta). */
  render(entries: readonly FeedEntry[], generatedAt: Date): FeedFile;
  /** Delivers the file; returns the platform's id for the submission, to ask for its report. */
  upload(session: Session, call: PlatformCall, file: FeedFile): Promise<{ submissionId: string }>;
  report(session: Session, call: PlatformCall, submissionId: string): Promise<FeedReport>;
}

import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt, Timestamp } from './columns.ts';
import type { Localized } from '../fraud/model.ts';

export type ReplyState = 'DRAFT' | 'PENDING_APPROVAL' | 'SENDING' | 'PUBLISHED' | 'FAILED' | 'DELETING';
export type ReportState = 'NOT_REPORTED' | 'TO_REPORT_MANUALLY' | 'REPORTED';
export interface ReviewMediaItem {
  kind: 'PHOTO' | 'VIDEO';
  url: string;
}

/** The reviews tables (migrations/20261130T0900_reviews.ts). */
export interface ReviewsTable {
  id: string;
  org_id: string;
  location_id: string;
  listing_id: string | null;
  connection_id: string | null;
  platform: string;
  platform_review_id: string;
  author_name: string | null;
  author_anonymous: Generated<boolean>;
  author_platform_id: string | null;
  author_photo_url: string | null;
  rating_stars: number | null;
  rating_recommends: boolean | null;
  text: string | null;
  language: string | null;
  media: ColumnType<ReviewMediaItem[], string | undefined, string>;
  url: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
  first_seen_at: CreatedAt;
  content_hash: string;
  platform_reply_text: string | null;
  platform_reply_at: Timestamp | null;
  answered_at: Timestamp | null;
  fraud_decision_id: string | null;
  fraud_verdict: 'OK' | 'REVIEW' | 'NG' | null;
  fraud_score: number | null;
  report_state: ColumnType<ReportState, ReportState | undefined, ReportState>;
  report_reason: string | null;
  reported_at: Timestamp | null;
  reported_by: string | null;
}

export interface ReviewRepliesTable {
  review_id: string;
  org_id: string;
  text: string;
  state: ReplyState;
  version: Generated<number>;
  author_id: string | null;
  approval_reason: ColumnType<Localized | null, string | null, string | null>;
  approved_by: string | null;
  rejection_reason: string | null;
  failure_reason: string | null;
  published_at: Timestamp | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ReviewReplySendsTable {
  id: Generated<string>;
  review_id: string;
  location_id: string;
  platform: string;
  version: number;
  sent_at: CreatedAt;
}

export interface ReplyTemplatesTable {
  id: string;
  org_id: string;
  name: string;
  language: string;
  body: string;
  ratings: ColumnType<number[], number[] | undefined, number[]>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ReviewSettingsTable {
  org_id: string;
  approval_max_rating: number | null;
  approval_roles: string[];
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ReviewTables {
  reviews: ReviewsTable;
  review_replies: ReviewRepliesTable;
  review_reply_sends: ReviewReplySendsTable;
  reply_templates: ReplyTemplatesTable;
  review_settings: ReviewSettingsTable;
}

export type ReviewRow = Selectable<ReviewsTable>;
export type ReplyRow = Selectable<ReviewRepliesTable>;
export type ReplyTemplateRow = Selectable<ReplyTemplatesTable>;

/** The shapes the dashboard selects, named after the schema's types. */
import type { DayHours, LocationStatus, SpecialHours } from '../../../locations/model.ts';

// The server's own location model (it has no dependencies), so the two cannot drift apart.
export { LOCATION_STATUSES, WEEKDAYS } from '../../../locations/model.ts';
export type { DayHours, LocationStatus, SpecialHours, TimeInterval, Weekday } from '../../../locations/model.ts';

export const ROLES = ['OWNER', 'ADMIN', 'EDITOR', 'STORE_MANAGER', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

export const isAdminRole = (role: Role): boolean => role === 'OWNER' || role === 'ADMIN';
export const canEditStores = (role: Role): boolean => role !== 'VIEWER';

export interface User {
  id: string;
  name: string;
  email: string;
}

export interface Organization {
  id: string;
  name: string;
  viewerRole: Role;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Platform {
  id: string;
  name: string;
}

export interface LocalizedText {
  ja: string;
  en: string;
}

// Reviews (the reviews contract)

export type ReplyState = 'DRAFT' | 'PENDING_APPROVAL' | 'SENDING' | 'PUBLISHED' | 'FAILED' | 'DELETING';
export type ReportState = 'NOT_REPORTED' | 'TO_REPORT_MANUALLY' | 'REPORTED';
export type FraudVerdict = 'OK' | 'REVIEW' | 'NG';
export type ReviewEventKind = 'REVIEW_ADDED' | 'REVIEW_UPDATED' | 'REVIEW_DELETED' | 'REPLY_CHANGED';

export interface ReviewReply {
  text: string;
  state: ReplyState;
  failureReason: string | null;
  approvalReason: { ja: string; en: string } | null;
  rejectionReason: string | null;
  updatedAt: string;
  publishedAt: string | null;
  author: { name: string } | null;
  approvedBy: { name: string } | null;
}

export interface ReplyLimits {
  maxBytes: number | null;
  maxChars: number | null;
  emoji: boolean;
  perDay: number | null;
}

export interface Review {
  id: string;
  platform: string;
  createdAt: string;
  deletedAt: string | null;
  text: string | null;
  language: string | null;
  url: string | null;
  canReply: boolean;
  viewerCanApprove: boolean;
  canReport: boolean;
  suspectedFake: boolean;
  location: { id: string; name: string };
  author: { name: string | null; anonymous: boolean; photoUrl: string | null };
  rating: { kind: 'STARS' | 'RECOMMENDATION'; stars: number | null; recommends: boolean | null } | null;
  media: { kind: 'PHOTO' | 'VIDEO'; url: string }[];
  reply: ReviewReply | null;
  fraud: { verdict: FraudVerdict; score: number; reasons: { ruleId: string; weight: number; message: LocalizedText }[] } | null;
  report: { state: ReportState; reason: string | null; reportedAt: string | null; reportUrl: string | null };
  replyLimits: ReplyLimits;
  suggestedReplies: { text: string; template: { id: string; name: string } }[];
}

export interface ReviewFilter {
  unanswered?: boolean;
  ratings?: number[];
  platforms?: string[];
  locationIds?: string[];
  suspectedFake?: boolean;
}

export type StatsInterval = 'DAY' | 'WEEK' | 'MONTH';

export interface ReviewStats {
  count: number;
  averageRating: number | null;
  unansweredCount: number;
  medianResponseSeconds: number | null;
  byPlatform: { platform: string; count: number; averageRating: number | null }[];
  byLocation: { location: { id: string; name: string }; count: number; averageRating: number | null; unansweredCount: number }[];
  series: { periodStart: string; count: number; averageRating: number | null; byPlatform: { platform: string; count: number }[] }[];
}

export interface ReplyTemplate {
  id: string;
  name: string;
  language: string;
  body: string;
  ratings: number[];
}

export interface ReviewSettings {
  approvalMaxRating: number | null;
  approvalRoles: Role[];
}

// Locations (the existing schema)

export type ListingStatus = 'IN_SYNC' | 'PENDING' | 'SUBMITTED' | 'ACTION_REQUIRED' | 'FAILED' | 'NOT_ELIGIBLE';
export type ListingFieldStatus = 'MATCH' | 'MISMATCH' | 'MISSING' | 'NOT_SUPPORTED';

export interface SuggestedEdit {
  id: string;
  platformField: string;
  fields: string[];
  ourValue: unknown;
  platformValue: unknown;
  createdAt: string;
}

export interface Listing {
  id: string;
  platform: string;
  status: ListingStatus;
  statusReason: string | null;
  publicUrl: string | null;
  /** Platforms a person submits to: the values to enter and the hash to confirm them with. */
  manualTask: { submitUrl: string; valuesHash: string; confirmedAt: string | null; values: { key: string; label: string; value: string; changed: boolean }[] } | null;
  lastError: { message: string; platformMessage: string | null } | null;
  fields: { field: string; status: ListingFieldStatus }[];
  problems: { kind: 'ACTION_REQUIRED' | 'NOT_ELIGIBLE'; field: string | null; message: string; rule: string }[];
  suggestedEdits: SuggestedEdit[];
}

export interface LocationDetail {
  id: string;
  version: number;
  name: string;
  storeCode: string;
  status: LocationStatus;
  statusDate: string | null;
  primaryPhone: string | null;
  website: string | null;
  description: string | null;
  updatedAt: string;
  address: { region: string | null; city: string | null; lines: string[] };
  regularHours: DayHours[];
  specialHours: SpecialHours[];
  listings: Listing[];
}

export interface LocationSummary {
  id: string;
  name: string;
  storeCode: string;
  status: LocationStatus;
  address: { region: string | null; city: string | null };
  listings: { platform: string; status: ListingStatus }[];
}

import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt, Timestamp, Json } from './columns.ts';
import type { FraudTables } from './fraudSchema.ts';
import type { ReviewTables } from './reviewsSchema.ts';

export type OrgKind = 'AGENCY' | 'BRAND';
export type Role = 'OWNER' | 'ADMIN' | 'EDITOR' | 'STORE_MANAGER' | 'VIEWER';

export interface OrganizationsTable {
  id: string;
  name: string;
  kind: OrgKind;
  agency_id: string | null;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: CreatedAt;
}

export interface MembershipsTable {
  user_id: string;
  org_id: string;
  role: Role;
  created_at: CreatedAt;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  expires_at: Timestamp;
  created_at: CreatedAt;
}

export interface ApiKeysTable {
  id: string;
  org_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  role: Exclude<Role, 'STORE_MANAGER'>;
  created_by: string | null;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface LocationGroupsTable {
  id: string;
  org_id: string;
  name: string;
  created_at: CreatedAt;
}

export interface LocationGroupMembersTable {
  group_id: string;
  location_id: string;
}

export interface StoreManagerAssignmentsTable {
  id: string;
  user_id: string;
  org_id: string;
  location_id: string | null;
  group_id: string | null;
}

export interface LocationsTable {
  id: string;
  org_id: string;
  store_code: string;
  name: string;
  localized_names: Json<unknown>;
  status: string;
  status_date: ColumnType<string | null, string | null, string | null>;
  country: string;
  address: Json<unknown>;
  latitude: number | null;
  longitude: number | null;
  primary_phone: string | null;
  additional_phones: Json<unknown>;
  website: string | null;
  social_profiles: Json<unknown>;
  primary_category: string;
  additional_categories: Json<unknown>;
  description: string | null;
  labels: Json<unknown>;
  regular_hours: Json<unknown>;
  special_hours: Json<unknown>;
  attributes: Json<unknown>;
  photos: Json<unknown>;
  content_hash: string;
  version: Generated<number>;
  archived_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface LocationAuditTable {
  id: Generated<string>;
  org_id: string;
  location_id: string;
  version: number;
  action: 'CREATE' | 'UPDATE' | 'ARCHIVE' | 'RESTORE';
  actor_kind: 'USER' | 'API_KEY' | 'SYSTEM';
  actor_id: string | null;
  actor_label: string;
  changes: Json<unknown>;
  created_at: CreatedAt;
}

export interface OutboxTable {
  id: Generated<string>;
  org_id: string;
  aggregate_type: string;
  aggregate_id: string;
  event_type: string;
  aggregate_version: number;
  payload: Json<unknown>;
  created_at: CreatedAt;
  relayed_at: Timestamp | null;
}

export type ConnectionStatus = 'ACTIVE' | 'ACTION_REQUIRED' | 'DISCONNECTED';
export type ListingStatus = 'IN_SYNC' | 'PENDING' | 'SUBMITTED' | 'ACTION_REQUIRED' | 'NOT_ELIGIBLE' | 'FAILED';
/** WAITING: the platform is still reviewing the listing; its change is sent once the platform is ready. */
export type RunOutcome = 'DELIVERED' | 'UNCHANGED' | 'FAILED' | 'ACTION_REQUIRED' | 'NOT_ELIGIBLE' | 'WAITING';
export type SuggestedEditStatus = 'OPEN' | 'ACCEPTED' | 'REJECTED' | 'SUPERSEDED';

export interface PlatformConnectionsTable {
  id: string;
  org_id: string;
  platform: string;
  external_account: string;
  display_name: string;
  status: ConnectionStatus;
  status_message: string | null;
  credentials: string;
  settings: Json<Record<string, unknown>>;
  linked_at: Timestamp | null;
  reviews_bookmark: Timestamp | null;
  reviews_pulled_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ListingsTable {
  id: string;
  org_id: string;
  location_id: string;
  connection_id: string;
  platform: string;
  status: ListingStatus;
  platform_listing_id: string | null;
  public_url: string | null;
  field_status: ColumnType<Record<string, string>, string | undefined, string>;
  delivered_state: Json<Record<string, unknown> | null> | null;
  delivered_hash: string | null;
  delivered_at: Timestamp | null;
  delivered_version: number | null;
  force_keys: ColumnType<string[], string | undefined, string>;
  problems: ColumnType<unknown[], string | undefined, string>;
  last_error: Json<unknown> | null;
  attempted_at: Timestamp | null;
  read_back_at: Timestamp | null;
  reviews_swept_at: Timestamp | null;
  /** Why the status is what it is, in plain words (e.g. "delivered through HERE"). */
  status_reason: string | null;
  feed_submission_id: string | null;
  /** Manual platforms: who confirmed the values were entered on the platform, and when. */
  confirmed_by: string | null;
  confirmed_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface FeedSubmissionsTable {
  id: string;
  org_id: string;
  connection_id: string;
  platform: string;
  file_name: string;
  rows: number;
  bytes: number;
  sha256: string;
  platform_submission_id: string | null;
  state: 'PROCESSING' | 'DONE' | 'FAILED';
  accepted: number | null;
  rejected: number | null;
  message: string | null;
  created_at: CreatedAt;
  reported_at: Timestamp | null;
}

export interface SuggestedEditsTable {
  id: string;
  org_id: string;
  listing_id: string;
  location_id: string;
  projection_key: string;
  fields: Json<string[]>;
  platform_value: Json<unknown> | null;
  our_value: Json<unknown> | null;
  status: SuggestedEditStatus;
  created_at: CreatedAt;
  decided_at: Timestamp | null;
  decided_by: string | null;
}

export interface SyncRunsTable {
  id: string;
  org_id: string;
  requested_by: string;
  filter: Json<unknown>;
  total: number;
  created_at: CreatedAt;
}

export interface SyncRunItemsTable {
  run_id: string;
  listing_id: string;
  platform: string;
  queued_at: CreatedAt;
  outcome: RunOutcome | null;
  finished_at: Timestamp | null;
}

export interface Database extends FraudTables, ReviewTables {
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  location_groups: LocationGroupsTable;
  location_group_members: LocationGroupMembersTable;
  store_manager_assignments: StoreManagerAssignmentsTable;
  locations: LocationsTable;
  location_audit: LocationAuditTable;
  outbox: OutboxTable;
  platform_connections: PlatformConnectionsTable;
  listings: ListingsTable;
  feed_submissions: FeedSubmissionsTable;
  suggested_edits: SuggestedEditsTable;
  sync_runs: SyncRunsTable;
  sync_run_items: SyncRunItemsTable;
}

export type LocationRow = Selectable<LocationsTable>;
export type NewLocationRow = Insertable<LocationsTable>;
export type LocationRowUpdate = Updateable<LocationsTable>;
export type OrganizationRow = Selectable<OrganizationsTable>;
export type UserRow = Selectable<UsersTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type LocationGroupRow = Selectable<LocationGroupsTable>;
export type PlatformConnectionRow = Selectable<PlatformConnectionsTable>;
export type ListingRow = Selectable<ListingsTable>;
export type FeedSubmissionRow = Selectable<FeedSubmissionsTable>;
export type SuggestedEditRow = Selectable<SuggestedEditsTable>;

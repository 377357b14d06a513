import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp, Json } from './columns.ts';

/** The fraud engine's tables (migrations/20261129T0900_fraud.ts). */
export interface FraudSettingsTable {
  org_id: string;
  modules: string[];
  share_negative_data: Generated<boolean>;
  home_country: Generated<string>;
  plan: Generated<string>;
  ruleset_version: number | null;
  updated_at: Generated<Date>;
}

export interface FraudRulesetsTable {
  org_id: string;
  version: number;
  definition: Json<unknown>;
  created_by: string;
  created_at: CreatedAt;
}

export interface FraudDecisionsTable {
  id: string;
  org_id: string;
  kind: string;
  external_id: string;
  verdict: string;
  score: number;
  reasons: Json<unknown>;
  entities: Json<unknown>;
  entity_hashes: string[];
  features: Json<unknown>;
  input: Json<unknown>;
  ruleset_version: string;
  label: string | null;
  labelled_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface FraudCasesTable {
  id: string;
  org_id: string;
  decision_id: string;
  status: string;
  note: string | null;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface FraudListEntriesTable {
  id: string;
  org_id: string;
  list: string;
  kind: string;
  key_hash: string;
  display: string;
  reason: string;
  starts_at: ColumnType<Date, Date | string | undefined, Date | string>;
  expires_at: Timestamp | null;
  case_id: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface FraudSharedNegativesTable {
  key_hash: string;
  kind: string;
  module: string;
  org_id: string;
  reported_at: CreatedAt;
}

export interface FraudEntityFlagsTable {
  org_id: string;
  key_hash: string;
  kind: string;
  module: string;
  flagged: Generated<number>;
  confirmed: Generated<boolean>;
  last_decision_id: string | null;
  updated_at: Generated<Date>;
}

export interface FraudAddressKindsTable {
  id: string;
  org_id: string;
  kind: string;
  premises_key: string;
  label: string;
  created_at: CreatedAt;
}

export interface FraudTables {
  fraud_settings: FraudSettingsTable;
  fraud_rulesets: FraudRulesetsTable;
  fraud_decisions: FraudDecisionsTable;
  fraud_cases: FraudCasesTable;
  fraud_list_entries: FraudListEntriesTable;
  fraud_shared_negatives: FraudSharedNegativesTable;
  fraud_entity_flags: FraudEntityFlagsTable;
  fraud_address_kinds: FraudAddressKindsTable;
}

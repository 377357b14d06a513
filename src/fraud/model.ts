/**
 * The fraud engine's vocabulary: what is screened, in which module, and what a decision says.
 * One engine serves every kind; a kind belongs to exactly one module, which an organisation
 * enables (and pays for) separately.
 */

export const SCREENING_KINDS = ['ORDER', 'SIGNUP', 'LOGIN', 'REVIEW'] as const;
export type ScreeningKind = (typeof SCREENING_KINDS)[number];

export const MODULES = ['LISTINGS', 'REVIEWS', 'ORDERS', 'ACCESS'] as const;
export type Module = (typeof MODULES)[number];

/** The modules a new organisation has: its listings and the screening of its reviews. */
export const DEFAULT_MODULES: readonly Module[] = ['LISTINGS', 'REVIEWS'];

export const MODULE_OF: Record<ScreeningKind, Exclude<Module, 'LISTINGS'>> = {
  ORDER: 'ORDERS',
  SIGNUP: 'ACCESS',
  LOGIN: 'ACCESS',
  REVIEW: 'REVIEWS',
};

export const VERDICTS = ['OK', 'REVIEW', 'NG'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * Identities the engine links across modules. ACCOUNT and REVIEWER are the merchant's or the
 * platform's own ids, so they are hashed within the organisation and never shared.
 */
export const ENTITY_KINDS = ['EMAIL', 'PHONE', 'NAME', 'ADDRESS', 'DEVICE', 'IP', 'ACCOUNT', 'REVIEWER'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/**
 * Kinds that pin down one person well enough to block, and to carry a flag into other modules.
 * An IP is not one (mobile carriers put thousands of customers behind one), nor is a name.
 */
export const IDENTIFYING_KINDS: readonly EntityKind[] = ['EMAIL', 'PHONE', 'ADDRESS', 'DEVICE', 'ACCOUNT', 'REVIEWER'];

/** Identifying kinds that mean the same thing in every organisation, so they can be shared. */
export const SHAREABLE_KINDS: readonly EntityKind[] = ['EMAIL', 'PHONE', 'ADDRESS', 'DEVICE'];

export interface Entity {
  kind: EntityKind;
  /** Keyed hash of the normalized value (src/fraud/identity.ts). */
  hash: string;
  /** Where in the input it came from, e.g. "shipping.address". */
  role: string;
  /** A masked form for people reading a decision, e.g. "ta***@gmail.com". */
  display: string;
}

export type FeatureValue = number | boolean | string;
export type Features = Record<string, FeatureValue>;

export interface Localized {
  ja: string;
  en: string;
}

export interface Reason {
  ruleId: string;
  weight: number;
  message: Localized;
  evidence: { feature: string; value: FeatureValue }[];
}

export interface Decision {
  id: string;
  orgId: string;
  kind: ScreeningKind;
  externalId: string;
  verdict: Verdict;
  score: number;
  reasons: Reason[];
  entities: Entity[];
  rulesetVersion: string;
  caseId: string | null;
  createdAt: Date;
  /** True when this answers a repeat of an already screened id with the stored decision. */
  replayed: boolean;
}

export const CASE_STATUSES = ['OPEN', 'CONFIRMED_FRAUD', 'LEGITIMATE'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const LABELS = ['FRAUD', 'LEGITIMATE'] as const;
export type Label = (typeof LABELS)[number];

export const LISTS = ['ALLOW', 'BLOCK'] as const;
export type ListName = (typeof LISTS)[number];

export const ADDRESS_KINDS = ['HOTEL', 'WEEKLY_APARTMENT', 'FORWARDING', 'PO_BOX', 'HOLD_AT_OFFICE'] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];

import type { Identities } from '../identity.ts';
import type { ScreeningInput } from '../inputs.ts';
import type { IpInfo } from '../intel/ip.ts';
import type { Lookups } from '../lookups.ts';
import type { Features, ScreeningKind } from '../model.ts';
import type { FraudSettings } from '../settings.ts';
import type { CounterPlan } from './plan.ts';

/** Everything a feature group may read while it plans its counters. */
export interface FeatureContext {
  kind: ScreeningKind;
  /** The screening's own id: its member in event windows, so a retry does not count twice. */
  event: string;
  screening: ScreeningInput;
  identities: Identities;
  settings: FraudSettings;
  ip: IpInfo | null;
  /** Milliseconds since the epoch: the screening's time, which replays may set in the past. */
  now: number;
  plan: CounterPlan;
}

/** A feature group plans its counters up front and reads them (and the lookups) once both are in. */
export type FeatureGroup = (ctx: FeatureContext) => (lookups: Lookups) => Features;

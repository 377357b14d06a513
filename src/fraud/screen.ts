import { randomUUID } from 'node:crypto';
import { fieldError, type Result } from '../locations/model.ts';
import { saveDecision } from './decisions.ts';
import type { FraudEngine } from './engine.ts';
import { accessFeatures } from './features/access.ts';
import { commonFeatures } from './features/common.ts';
import type { FeatureContext, FeatureGroup } from './features/context.ts';
import { orderFeatures } from './features/order.ts';
import { peopleFeatures } from './features/people.ts';
import { CounterPlan } from './features/plan.ts';
import { reviewFeatures } from './features/review.ts';
import { extractIdentities } from './identity.ts';
import type { ScreeningInput } from './inputs.ts';
import { lookupIp } from './intel/ip.ts';
import { lookup } from './lookups.ts';
import { normalizeJapaneseAddress, type NormalizedAddress } from './normalize/address.ts';
import { MODULE_OF, type Decision, type Features, type ScreeningKind } from './model.ts';
import { evaluate } from './rules/evaluate.ts';
import { loadSettings } from './settings.ts';

const GROUPS: Record<ScreeningKind, FeatureGroup[]> = {
  ORDER: [commonFeatures, peopleFeatures, orderFeatures],
  SIGNUP: [commonFeatures, peopleFeatures, accessFeatures],
  LOGIN: [commonFeatures, accessFeatures],
  REVIEW: [commonFeatures, reviewFeatures],
};

/** With an address registry configured, its readings of the screening's addresses, looked up at once. */
async function registryAddresses(engine: FraudEngine, s: ScreeningInput): Promise<((line: string) => NormalizedAddress) | undefined> {
  const registry = engine.normalizeAddress;
  if (!registry) return undefined;
  const lines = s.kind === 'ORDER' ? [s.input.billing.address?.line, s.input.shipping?.address?.line] : s.kind === 'SIGNUP' ? [s.input.person.address?.line] : [];
  const known = new Map<string, NormalizedAddress>();
  await Promise.all(lines.filter((l): l is string => !!l).map(async (line) => known.set(line, await registry(line))));
  return (line) => known.get(line) ?? normalizeJapaneseAddress(line);
}

function externalIdOf(s: ScreeningInput): string {
  switch (s.kind) {
    case 'ORDER':
      return s.input.orderId;
    case 'REVIEW':
      return s.input.reviewId;
    case 'SIGNUP':
    case 'LOGIN':
      return s.input.requestId ?? randomUUID();
  }
}

/**
 * Screens one order, sign-up, login or review: normalize its identities, read Redis (counters)
 * and PostgreSQL (lists, shared data, flags) at the same time, compute the features, run the
 * organisation's rules, and store the decision with its input. Two round trips to each store
 * in all; nothing here waits on a platform or a queue.
 */
export async function screen(engine: FraudEngine, orgId: string, screening: ScreeningInput): Promise<Result<Decision>> {
  const settings = await loadSettings(engine.db, orgId);
  const module = MODULE_OF[screening.kind];
  if (!settings.modules.includes(module)) {
    return { ok: false, errors: [fieldError('MODULE_DISABLED', [], `The ${module} module is not enabled for this organisation; enable it with updateFraudSettings.`)] };
  }
  const input = screening.input;
  // A review happened when it was written: bursts are about that, not about when it was pulled.
  const at = input.context.occurredAt ?? (screening.kind === 'REVIEW' ? screening.input.createdAt : undefined) ?? new Date();
  const externalId = externalIdOf(screening);
  const identities = extractIdentities(engine.hash, orgId, screening, await registryAddresses(engine, screening));
  const ctx: FeatureContext = {
    kind: screening.kind,
    event: `${screening.kind}:${externalId}`,
    screening,
    identities,
    settings,
    ip: input.context.ip ? lookupIp(input.context.ip) : null,
    now: at.getTime(),
    plan: new CounterPlan(engine.prefix, orgId),
  };
  const readers = GROUPS[screening.kind].map((group) => group(ctx));
  const hashes = identities.entities.map((e) => e.hash);
  const premises = identities.addresses.map((a) => a.address.premisesKey);
  const [results, lookups] = await Promise.all([
    engine.counters.run(ctx.plan.ops, ctx.now),
    lookup(engine.db, orgId, hashes, premises, settings.shareNegativeData),
  ]);
  ctx.plan.settle(results);
  const features: Features = Object.assign({}, ...readers.map((read) => read(lookups)));
  const { verdict, score, reasons } = evaluate(settings.ruleset, screening.kind, features);
  const decision = await saveDecision(engine.db, {
    orgId,
    kind: screening.kind,
    externalId,
    verdict,
    score,
    reasons,
    entities: identities.entities,
    features,
    input,
    rulesetVersion: settings.rulesetVersion,
  });
  return { ok: true, value: decision };
}

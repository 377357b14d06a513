import type { Features, FeatureValue, Reason, ScreeningKind, Verdict } from '../model.ts';
import type { Comparison, Condition, Rule, Ruleset } from './schema.ts';

export interface Evaluation {
  verdict: Verdict;
  score: number;
  reasons: Reason[];
}

/**
 * Fires every rule of the kind, adds up the weights into a 0-100 score and reads the verdict
 * off the thresholds. A rule with its own verdict (the lists) decides outright, NG before OK,
 * and is still listed among the reasons so a person sees why.
 */
export function evaluate(ruleset: Ruleset, kind: ScreeningKind, features: Features): Evaluation {
  let total = 0;
  let forced: Verdict | null = null;
  const reasons: Reason[] = [];
  for (const rule of ruleset.rules) {
    if (!rule.kinds.includes(kind) || !holds(rule.when, features)) continue;
    total += rule.weight;
    if (rule.verdict === 'NG' || (rule.verdict === 'OK' && forced === null)) forced = rule.verdict;
    reasons.push(reasonOf(rule, features));
  }
  reasons.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const score = Math.max(0, Math.min(100, total));
  const verdict = forced ?? (score >= ruleset.thresholds.ng ? 'NG' : score >= ruleset.thresholds.review ? 'REVIEW' : 'OK');
  return { verdict, score, reasons };
}

export function holds(c: Condition, f: Features): boolean {
  if ('all' in c) return c.all.every((x) => holds(x, f));
  if ('any' in c) return c.any.some((x) => holds(x, f));
  if ('not' in c) return !holds(c.not, f);
  return compare(c, f[c.feature]);
}

function compare(c: Comparison, actual: FeatureValue | undefined): boolean {
  if (actual === undefined) return false;
  const v = c.value;
  switch (c.op) {
    case 'truthy':
      return actual !== false && actual !== 0 && actual !== '';
    case 'eq':
      return actual === v;
    case 'ne':
      return actual !== v;
    case 'gt':
      return typeof v === 'number' && typeof actual === 'number' && actual > v;
    case 'gte':
      return typeof v === 'number' && typeof actual === 'number' && actual >= v;
    case 'lt':
      return typeof v === 'number' && typeof actual === 'number' && actual < v;
    case 'lte':
      return typeof v === 'number' && typeof actual === 'number' && actual <= v;
    case 'in':
      return Array.isArray(v) && (v as (string | number)[]).includes(actual as string | number);
  }
}

function referenced(c: Condition, into: Set<string>): Set<string> {
  if ('all' in c) c.all.forEach((x) => referenced(x, into));
  else if ('any' in c) c.any.forEach((x) => referenced(x, into));
  else if ('not' in c) referenced(c.not, into);
  else into.add(c.feature);
  return into;
}

const PLACEHOLDER = /\{([a-z0-9_.]+)\}/g;

/** The evidence of a reason: the features its condition tested and those its message quotes. */
function reasonOf(rule: Rule, f: Features): Reason {
  const names = referenced(rule.when, new Set());
  for (const text of [rule.message.ja, rule.message.en]) for (const [, name] of text.matchAll(PLACEHOLDER)) names.add(name!);
  const evidence = [...names].filter((name) => f[name] !== undefined).map((feature) => ({ feature, value: f[feature]! }));
  const fill = (text: string) => text.replace(PLACEHOLDER, (whole, name: string) => (f[name] === undefined ? whole : String(f[name])));
  return { ruleId: rule.id, weight: rule.weight, message: { ja: fill(rule.message.ja), en: fill(rule.message.en) }, evidence };
}

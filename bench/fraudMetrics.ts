/**
 * Figures of the fraud evaluation: precision and recall at the REVIEW threshold (verdict REVIEW
 * or NG, what a person or a block sees) and at the NG threshold, average precision over the
 * decision scores, a row per scenario, and which rules fire on whom.
 */
import type { ScreeningKind, Verdict } from '../src/fraud/model.ts';
import type { Label, Org } from './fraudData.ts';

export interface Outcome {
  org: Org;
  kind: ScreeningKind;
  label: Label;
  scenario: string;
  /** Simulated day, from 0. */
  day: number;
  verdict: Verdict;
  score: number;
  rules: string[];
}

export interface Threshold {
  hits: number;
  truePositives: number;
  /** null when nothing was flagged. */
  precision: number | null;
  /** null when there is no fraud to find. */
  recall: number | null;
}

export interface Summary {
  name: string;
  events: number;
  fraud: number;
  review: Threshold;
  ng: Threshold;
  /** Area under the precision-recall curve, step-wise over the scores; null without fraud. */
  averagePrecision: number | null;
}

export interface ScenarioRow {
  scenario: string;
  kind: ScreeningKind;
  label: Label;
  events: number;
  flaggedShare: number;
  ngShare: number;
  meanScore: number;
  topRules: string[];
}

export interface RuleRow {
  rule: string;
  onHonest: number;
  onFraud: number;
  /** Honest events this rule helped push to REVIEW or NG. */
  inFalsePositives: number;
}

const flagged = (o: Outcome) => o.verdict !== 'OK';

function threshold(rows: Outcome[], hit: (o: Outcome) => boolean): Threshold {
  const fraud = rows.filter((o) => o.label === 'FRAUD').length;
  const hits = rows.filter(hit);
  const tp = hits.filter((o) => o.label === 'FRAUD').length;
  return { hits: hits.length, truePositives: tp, precision: hits.length ? tp / hits.length : null, recall: fraud ? tp / fraud : null };
}

/**
 * Average precision as sum over score thresholds of (recall gained) x (precision there).
 * Events with equal scores are one step: a threshold cannot split them, so ranking them in any
 * order inside the group would invent precision the scores do not have.
 */
export function averagePrecision(rows: Outcome[]): number | null {
  const positives = rows.filter((o) => o.label === 'FRAUD').length;
  if (positives === 0) return null;
  const sorted = [...rows].sort((a, b) => b.score - a.score);
  let tp = 0;
  let seen = 0;
  let ap = 0;
  for (let i = 0; i < sorted.length; ) {
    const score = sorted[i]!.score;
    let groupTp = 0;
    let j = i;
    for (; j < sorted.length && sorted[j]!.score === score; j++) if (sorted[j]!.label === 'FRAUD') groupTp++;
    tp += groupTp;
    seen += j - i;
    ap += (groupTp / positives) * (tp / seen);
    i = j;
  }
  return ap;
}

export function summarize(name: string, rows: Outcome[]): Summary {
  return {
    name,
    events: rows.length,
    fraud: rows.filter((o) => o.label === 'FRAUD').length,
    review: threshold(rows, flagged),
    ng: threshold(rows, (o) => o.verdict === 'NG'),
    averagePrecision: averagePrecision(rows),
  };
}

function topRules(rows: Outcome[], n: number): string[] {
  const counts = new Map<string, number>();
  for (const o of rows) for (const r of o.rules) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([rule, count]) => `${rule} ${Math.round((100 * count) / rows.length)}%`);
}

export function byScenario(rows: Outcome[]): ScenarioRow[] {
  const groups = new Map<string, Outcome[]>();
  for (const o of rows) {
    const key = `${o.label}|${o.scenario}|${o.kind}`;
    const list = groups.get(key);
    if (list) list.push(o);
    else groups.set(key, [o]);
  }
  return [...groups.values()]
    .map((g) => ({
      scenario: g[0]!.scenario,
      kind: g[0]!.kind,
      label: g[0]!.label,
      events: g.length,
      flaggedShare: g.filter(flagged).length / g.length,
      ngShare: g.filter((o) => o.verdict === 'NG').length / g.length,
      meanScore: g.reduce((s, o) => s + o.score, 0) / g.length,
      topRules: topRules(g, 3),
    }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.scenario.localeCompare(b.scenario) || a.kind.localeCompare(b.kind));
}

export function byRule(rows: Outcome[]): RuleRow[] {
  const table = new Map<string, RuleRow>();
  for (const o of rows) {
    for (const rule of o.rules) {
      const row = table.get(rule) ?? { rule, onHonest: 0, onFraud: 0, inFalsePositives: 0 };
      if (o.label === 'FRAUD') row.onFraud++;
      else {
        row.onHonest++;
        if (flagged(o)) row.inFalsePositives++;
      }
      table.set(rule, row);
    }
  }
  return [...table.values()].sort((a, b) => b.inFalsePositives - a.inFalsePositives || b.onHonest + b.onFraud - (a.onHonest + a.onFraud));
}

// ---- text ------------------------------------------------------------------------------------

const pct = (x: number | null) => (x === null ? '-' : `${(100 * x).toFixed(1)}%`);
const num = (x: number | null) => (x === null ? '-' : x.toFixed(3));

/** Columns left-aligned when text, right-aligned when they look like numbers. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.every((r) => /^[-\d.,%]*$/.test(r[i] ?? '')));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function summaryTable(summaries: Summary[]): string {
  return table(
    ['scope', 'n', 'fraud', 'base', 'flagged', 'P@review', 'R@review', 'NG', 'P@ng', 'R@ng', 'AP'],
    summaries.map((s) => [
      s.name,
      String(s.events),
      String(s.fraud),
      pct(s.events ? s.fraud / s.events : null),
      String(s.review.hits),
      pct(s.review.precision),
      pct(s.review.recall),
      String(s.ng.hits),
      pct(s.ng.precision),
      pct(s.ng.recall),
      num(s.averagePrecision),
    ]),
  );
}

export function scenarioTable(rows: ScenarioRow[]): string {
  return table(
    ['label', 'scenario', 'kind', 'n', 'flagged', 'NG', 'score', 'rules that fired most (share of the row)'],
    rows.map((r) => [r.label === 'FRAUD' ? 'fraud' : 'honest', r.scenario, r.kind, String(r.events), pct(r.flaggedShare), pct(r.ngShare), r.meanScore.toFixed(1), r.topRules.join(', ')]),
  );
}

export function ruleTable(rows: RuleRow[]): string {
  return table(
    ['rule', 'on fraud', 'on honest', 'honest flagged with it', 'fraud share of fires'],
    rows.map((r) => [r.rule, String(r.onFraud), String(r.onHonest), String(r.inFalsePositives), pct(r.onFraud / (r.onFraud + r.onHonest))]),
  );
}

/**
 * npm run eval:fraud — how well the fraud engine separates fraud from honest customers on the
 * labelled synthetic month of bench/fraudData.ts.
 *
 *   npm run eval:fraud
 *   EVAL_SEED=7 EVAL_EVENTS=12000 EVAL_JSON=/tmp/eval.json npm run eval:fraud
 *
 * A fresh PostgreSQL database (TEST_DATABASE_URL's server) and a Redis namespace of its own
 * (TEST_REDIS_URL), both removed at the end. Organisation A and B have every module on and
 * share negative data with each other. The stream is replayed in time order through screen(),
 * one event at a time, with the event's own time, and people act on the decisions as they would:
 * - analysts resolve every REVIEW case 24 simulated hours after it opened, with the true label
 *   (labelDecision), so confirmed fraud reaches the block lists, the flags and the shared database;
 * - 70% of fraudulent orders that passed (OK) come back as a chargeback or an unpaid 後払い
 *   invoice 5 to 9 simulated days later, and are labelled FRAUD then.
 * Every event is scored by the verdict it got when it was screened.
 *
 * Printed: precision and recall at the REVIEW threshold (REVIEW or NG) and at NG, average
 * precision over the scores, overall and per kind; a row per scenario; rules against labels.
 * EVAL_JSON=<path> writes the same as JSON. The exit code is 0 unless something failed.
 */
import './env.ts';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import type { Actor } from '../src/auth/principal.ts';
import { updateSettings } from '../src/fraud/admin.ts';
import { createFraudEngine } from '../src/fraud/engine.ts';
import { labelDecision } from '../src/fraud/labels.ts';
import { SCREENING_KINDS } from '../src/fraud/model.ts';
import { DEFAULT_RULESET_VERSION } from '../src/fraud/rules/default.ts';
import { screen } from '../src/fraud/screen.ts';
import { log } from '../src/log.ts';
import { createOrganization } from '../src/orgs/service.ts';
import { createTestDatabase, type TestDatabase } from '../test/support/db.ts';
import { DAYS, generateEvents, optionsFromEnv, simulationStart, type Label, type Org } from './fraudData.ts';
import { byRule, byScenario, ruleTable, scenarioTable, summarize, summaryTable, type Outcome } from './fraudMetrics.ts';
import { createRng } from './fraudPeople.ts';
import { DAY, HOUR } from './fraudWorld.ts';
import { unlinkPrefix } from './redisKeys.ts';

const COMMAND = 'npm run eval:fraud';
const ANALYST: Actor = { kind: 'SYSTEM', id: null, label: 'eval analyst' };
const ANALYST_DELAY = 24 * HOUR;
const CHARGEBACK_SHARE = 0.7;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Pending {
  due: number;
  orgId: string;
  decisionId: string;
  label: Label;
}

interface Loop {
  casesOpened: number;
  casesResolvedFraud: number;
  casesResolvedLegitimate: number;
  casesOpenAtEnd: number;
  chargebacks: number;
  blockListEntries: number;
  sharedReports: number;
}

async function main(): Promise<void> {
  const wallStart = performance.now();
  // Block-list entries start at the real time a label is written, and lookups compare them with
  // the screening's time, so the simulated month must lie after the run.
  const options = optionsFromEnv(process.env, simulationStart(new Date(Date.now() + DAY)));
  const events = generateEvents(options);
  const generated = performance.now();

  let database: TestDatabase | null = null;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const prefix = `eval${randomBytes(6).toString('hex')}`;
  try {
    database = await createTestDatabase();
    const db = database.db;
    const engine = createFraudEngine({ db, redis, hashKey: 'eval-fraud-hash-key-not-for-any-deployment', prefix, log });
    const orgIds = {} as Record<Org, string>;
    for (const org of ['A', 'B'] as const) {
      const created = await createOrganization(db, { name: `eval:fraud ${org}`, kind: 'BRAND' });
      if (!created.ok) throw new Error(`createOrganization: ${JSON.stringify(created.errors)}`);
      const settings = await updateSettings(db, created.value.id, { modules: ['LISTINGS', 'REVIEWS', 'ORDERS', 'ACCESS'], shareNegativeData: true });
      if (!settings.ok) throw new Error(`updateSettings: ${JSON.stringify(settings.errors)}`);
      orgIds[org] = created.value.id;
    }

    const loop: Loop = { casesOpened: 0, casesResolvedFraud: 0, casesResolvedLegitimate: 0, casesOpenAtEnd: 0, chargebacks: 0, blockListEntries: 0, sharedReports: 0 };
    // Every case waits the same delay, so cases fall due in the order they opened; chargebacks wait
    // 5 to 9 days, so that queue is re-sorted when one is added.
    const cases: Pending[] = [];
    const chargebacks: Pending[] = [];
    const rng = createRng(options.seed ^ 0x5eed);
    const label = async (p: Pending, note: string) => {
      const result = await labelDecision(db, ANALYST, p.orgId, p.decisionId, p.label, note);
      if (!result.ok) throw new Error(`labelDecision ${p.decisionId}: ${JSON.stringify(result.errors)}`);
      loop.blockListEntries += result.value.blocked;
      loop.sharedReports += result.value.shared;
    };
    const catchUp = async (now: number) => {
      while (cases.length > 0 && cases[0]!.due <= now) {
        const c = cases.shift()!;
        await label(c, 'eval: analyst');
        if (c.label === 'FRAUD') loop.casesResolvedFraud++;
        else loop.casesResolvedLegitimate++;
      }
      while (chargebacks.length > 0 && chargebacks[0]!.due <= now) {
        await label(chargebacks.shift()!, 'eval: chargeback');
        loop.chargebacks++;
      }
    };

    const outcomes: Outcome[] = [];
    let screeningMs = 0;
    for (const e of events) {
      const now = e.at.getTime();
      await catchUp(now);
      const t = performance.now();
      const result = await screen(engine, orgIds[e.org], e.screening);
      screeningMs += performance.now() - t;
      if (!result.ok) throw new Error(`screen ${e.screening.kind} (${e.scenario}): ${JSON.stringify(result.errors)}`);
      const d = result.value;
      if (d.replayed) throw new Error(`screen ${e.screening.kind} ${d.externalId}: the generator repeated an id`);
      const day = Math.floor((now - options.start.getTime()) / DAY);
      outcomes.push({ org: e.org, kind: e.screening.kind, label: e.label, scenario: e.scenario, day, verdict: d.verdict, score: d.score, rules: d.reasons.map((r) => r.ruleId) });
      const pending = { orgId: orgIds[e.org], decisionId: d.id, label: e.label };
      if (d.verdict === 'REVIEW') {
        cases.push({ ...pending, due: now + ANALYST_DELAY });
        loop.casesOpened++;
      } else if (d.verdict === 'OK' && e.label === 'FRAUD' && e.screening.kind === 'ORDER' && rng.chance(CHARGEBACK_SHARE)) {
        chargebacks.push({ ...pending, due: now + (5 + 4 * rng.next()) * DAY });
        chargebacks.sort((a, b) => a.due - b.due);
      }
    }
    loop.casesOpenAtEnd = cases.length;
    const wallSeconds = (performance.now() - wallStart) / 1000;

    const summaries = [summarize('all', outcomes), ...SCREENING_KINDS.map((k) => summarize(k, outcomes.filter((o) => o.kind === k)))];
    const careful = outcomes.filter((o) => o.label === 'FRAUD' && o.scenario.endsWith(':careful'));
    const fraud = outcomes.filter((o) => o.label === 'FRAUD');
    summaries.push(summarize('without :careful', outcomes.filter((o) => !o.scenario.endsWith(':careful'))));
    // The engine starts cold, as for a new customer: no device history, no store baselines yet.
    const weeks = [0, 7, 14, 21, 28].map((from) => summarize(`days ${from}-${Math.min(from + 6, DAYS - 1)}`, outcomes.filter((o) => o.day >= from && o.day < from + 7)));
    const scenarios = byScenario(outcomes);
    const rules = byRule(outcomes);
    const header = {
      command: COMMAND,
      seed: options.seed,
      events: outcomes.length,
      fraud: fraud.length,
      carefulFraud: careful.length,
      simulatedDays: DAYS,
      simulatedStart: options.start.toISOString(),
      organisations: 'A, B (both share negative data)',
      rulesetVersion: DEFAULT_RULESET_VERSION,
      engineSource: sourceDigest(new URL('../src/fraud/', import.meta.url)),
      wallSeconds: Math.round(wallSeconds * 10) / 10,
      generateSeconds: Math.round(generated - wallStart) / 1000,
      screeningMsPerEvent: Math.round((screeningMs / outcomes.length) * 100) / 100,
    };
    const lines = [
      `${COMMAND}  seed ${header.seed}, ${header.events} events (${header.fraud} fraud = ${((100 * header.fraud) / header.events).toFixed(1)}%, ` +
        `${header.carefulFraud} of them :careful = ${((100 * header.carefulFraud) / Math.max(1, header.fraud)).toFixed(0)}%), ${DAYS} simulated days from ${header.simulatedStart}`,
      `ruleset ${header.rulesetVersion}, src/fraud digest ${header.engineSource}; organisations ${header.organisations}; wall ${header.wallSeconds} s ` +
        `(generate ${header.generateSeconds} s, screen ${header.screeningMsPerEvent} ms/event)`,
      '',
      'REVIEW threshold = verdict REVIEW or NG; NG threshold = verdict NG; AP = area under the precision-recall curve over the scores (ties grouped).',
      '"without :careful" leaves out the fraud written to look honest (every honest event stays in).',
      summaryTable(summaries),
      '',
      'by simulated week (the engine starts with no history):',
      summaryTable(weeks),
      '',
      `people in the loop: ${loop.casesOpened} cases opened, resolved ${loop.casesResolvedFraud} fraud / ${loop.casesResolvedLegitimate} legitimate ` +
        `(${loop.casesOpenAtEnd} still open at the end); ${loop.chargebacks} chargebacks; ${loop.blockListEntries} block-list entries; ${loop.sharedReports} shared reports`,
      '',
      scenarioTable(scenarios),
      '',
      'rules against labels (all events; "honest flagged with it" = honest events at REVIEW or NG that the rule fired on):',
      ruleTable(rules),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (process.env.EVAL_JSON) {
      writeFileSync(process.env.EVAL_JSON, `${JSON.stringify({ ...header, loop, summaries, weeks, scenarios, rules }, null, 2)}\n`);
      process.stdout.write(`wrote ${process.env.EVAL_JSON}\n`);
    }
  } finally {
    await unlinkPrefix(redis, prefix).catch((err: unknown) => process.stderr.write(`redis cleanup failed: ${String(err)}\n`));
    redis.disconnect();
    await database?.drop();
  }
}

/** What engine was measured: src/fraud is edited often, and the ruleset version covers only the rules. */
function sourceDigest(dir: URL): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => join(f.parentPath, f.name))
    .sort();
  for (const file of files) hash.update(file.slice(dir.pathname.length)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 12);
}

main().catch((err: unknown) => {
  process.stderr.write(`eval:fraud failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});

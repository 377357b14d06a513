/**
 * The labelled synthetic data set `npm run eval:fraud` replays through the fraud engine: a
 * time-ordered month of orders, sign-ups, logins and reviews at two shops (B shares negative
 * data), honest and fraudulent, each tagged with the scenario that produced it.
 *
 * It is written from how customers and fraudsters behave (bench/fraudHonest.ts,
 * bench/fraudOrders.ts, bench/fraudAbuse.ts), not from the engine's rules, and it must not be
 * tuned to make the figures look good: a pattern the engine misses is a finding, not a bug here.
 *
 *   EVAL_SEED   seed of the generator (default 1); the same seed gives the same events
 *   EVAL_EVENTS about how many events (default 6,000); populations and campaigns scale with it
 */
import { abuse } from './fraudAbuse.ts';
import { honestActivity } from './fraudHonest.ts';
import { orderFraud } from './fraudOrders.ts';
import { createRng } from './fraudPeople.ts';
import { DAY, World, type EvalEvent } from './fraudWorld.ts';

export type { EvalEvent, Label, Org } from './fraudWorld.ts';

export const DEFAULT_EVENTS = 6_000;
export const DAYS = 30;

export interface GenerateOptions {
  seed: number;
  events: number;
  /** Midnight JST of the first simulated day. */
  start: Date;
}

export function optionsFromEnv(env: NodeJS.ProcessEnv, start: Date): GenerateOptions {
  const seed = Number(env.EVAL_SEED ?? 1);
  const events = Number(env.EVAL_EVENTS ?? DEFAULT_EVENTS);
  if (!Number.isInteger(seed)) throw new Error(`EVAL_SEED must be an integer, not ${env.EVAL_SEED}`);
  if (!Number.isInteger(events) || events < 500) throw new Error(`EVAL_EVENTS must be an integer of at least 500, not ${env.EVAL_EVENTS}`);
  return { seed, events, start };
}

/**
 * A Monday at midnight JST on or after `notBefore`, in whole weeks from a fixed Monday, so the
 * month keeps its weekdays whatever the day of the run.
 */
export function simulationStart(notBefore: Date): Date {
  let t = Date.parse('2026-10-05T00:00:00+09:00');
  while (t < notBefore.getTime()) t += 7 * DAY;
  return new Date(t);
}

export function generateEvents(options: GenerateOptions): EvalEvent[] {
  const w = new World(createRng(options.seed), options.start.getTime(), DAYS, options.events / DEFAULT_EVENTS);
  honestActivity(w);
  orderFraud(w);
  abuse(w);
  // What the owner of an attacked account does afterwards is honest, but it is where flags an
  // attacker left on the account would hurt: tagged apart so the table shows it.
  for (const e of w.events) {
    const key = `${e.org}|${accountOf(e)}`;
    const attackedAt = w.attacked.get(key);
    if (e.label === 'LEGITIMATE' && attackedAt !== undefined && e.at.getTime() > attackedAt) e.scenario = 'honest.after_attack';
  }
  return w.events
    .filter((e) => e.at.getTime() >= w.start && e.at.getTime() < w.end)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

function accountOf(e: EvalEvent): string | undefined {
  const s = e.screening;
  switch (s.kind) {
    case 'ORDER':
      return s.input.account?.id;
    case 'SIGNUP':
    case 'LOGIN':
      return s.input.accountId;
    case 'REVIEW':
      return undefined;
  }
}

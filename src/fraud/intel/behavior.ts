import { z } from 'zod';

/**
 * How a form was filled, as summarised in the browser by Tenpo's collector
 * (src/fraud/collector/collector.js), and what that says about a person versus a script.
 *
 * The summary holds timings and counts only: never which keys were pressed (passwords pass
 * through these forms) and no pointer coordinates, just one straightness ratio.
 * Bounds are generous ceilings that a real session stays far below; anything above is a forged
 * or broken payload, so the schema rejects it rather than letting a rule reason about it.
 */

const count = (max: number) => z.number().int().min(0).max(max);
/** A statistic the collector could not compute (too few samples) is null, never 0: 0 would read as robotic. */
const ms = z.number().min(0).max(3_600_000).nullable();

export const behaviorSchema = z
  .object({
    v: z.literal(1),
    /** keydown events, auto-repeat excluded. */
    keystrokes: count(100_000),
    /** Intervals between consecutive keydowns used for the statistics (pauses excluded, see PAUSE_MS in collector.js). */
    keyIntervals: count(100_000),
    keyIntervalMeanMs: ms,
    keyIntervalStdMs: ms,
    pointerMoves: count(1_000_000),
    /** pointerdown events: taps count here, so a phone user is not "without pointer". */
    pointerDowns: count(100_000),
    /** Path-length-weighted mean of chord / path length per stroke, 0..1 (1 = perfectly straight). */
    pointerStraightness: z.number().min(0).max(1).nullable(),
    pasteCount: count(10_000),
    fieldFocusCount: count(10_000),
    /** From start() (form shown) to collect() (submit). */
    elapsedMs: count(86_400_000),
    webdriver: z.boolean(),
    headlessHints: z.array(z.string().regex(/^[a-z0-9-]{1,40}$/)).max(20),
  })
  .strict();

export type BehaviorSummary = z.infer<typeof behaviorSchema>;

export interface BehaviorSignals {
  roboticTyping: boolean;
  noPointer: boolean;
  straightPointer: boolean;
  tooFast: boolean;
  pasted: boolean;
}

/**
 * Thresholds. People type with inter-key intervals of roughly 100-300 ms (fast typists ~80 ms)
 * and a standard deviation above 30 ms, because some letter pairs are harder than others.
 * Scripts (Puppeteer's page.type, Selenium's send_keys) either fire keys back to back (a few
 * ms apart) or at a fixed delay that varies only by event-loop jitter (a few ms).
 */
export const BEHAVIOR_THRESHOLDS = {
  /** Below this spread, intervals are too regular for fingers: a fixed-delay script. 8 ms is a quarter of the human minimum (~30 ms). */
  roboticStdMs: 8,
  /** Below this mean, keys come faster than anyone types (~33 keys/s); fast rollover gives single short gaps, not a short mean. */
  roboticMeanMs: 30,
  /** Intervals needed before judging typing (≈ 8 keys): one or two quick presses say nothing. */
  minKeyIntervals: 7,
  /** A human stroke curves (wrist pivot, overshoot, correction): ~0.85-0.97. Scripted moves are lines (1.0). */
  straightPointer: 0.995,
  /** Moves needed before judging the path, so a single accidental nudge is not called straight. */
  minPointerMoves: 10,
  /** Reading a form and filling even one field takes longer; autofill plus a click is ~2 s. */
  tooFastMs: 1500,
} as const;

export function analyzeBehavior(summary: BehaviorSummary): BehaviorSignals {
  const t = BEHAVIOR_THRESHOLDS;
  const enoughKeys = summary.keyIntervals >= t.minKeyIntervals;
  const mean = summary.keyIntervalMeanMs;
  const std = summary.keyIntervalStdMs;
  return {
    roboticTyping: enoughKeys && ((std !== null && std < t.roboticStdMs) || (mean !== null && mean < t.roboticMeanMs)),
    // Neither a move nor a tap: the form was filled without touching a pointer at all.
    noPointer: summary.pointerMoves === 0 && summary.pointerDowns === 0,
    straightPointer:
      summary.pointerMoves >= t.minPointerMoves &&
      summary.pointerStraightness !== null &&
      summary.pointerStraightness >= t.straightPointer,
    // A password manager fills a login in well under the limit too, but its user clicks (or
    // taps) and types nothing; a script that sets the fields types nothing and touches nothing.
    tooFast: summary.elapsedMs < t.tooFastMs && !(summary.keystrokes === 0 && summary.pointerDowns > 0),
    // Password managers paste too: a weak signal alone, stronger with a new account and a first order.
    pasted: summary.pasteCount > 0,
  };
}

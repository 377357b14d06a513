import { describe, expect, it } from 'vitest';
import { analyzeBehavior, behaviorSchema, type BehaviorSummary } from '../../../src/fraud/intel/behavior.ts';

const person: BehaviorSummary = {
  v: 1,
  keystrokes: 42,
  keyIntervals: 37,
  keyIntervalMeanMs: 182.4,
  keyIntervalStdMs: 61.7,
  pointerMoves: 164,
  pointerDowns: 5,
  pointerStraightness: 0.91,
  pasteCount: 0,
  fieldFocusCount: 5,
  elapsedMs: 23_450,
  webdriver: false,
  headlessHints: [],
};

const calm = { roboticTyping: false, noPointer: false, straightPointer: false, tooFast: false, pasted: false };

describe('analyzeBehavior', () => {
  it('finds nothing in a person filling a form', () => {
    expect(analyzeBehavior(behaviorSchema.parse(person))).toEqual(calm);
  });

  it('calls fixed-delay typing robotic (Puppeteer page.type with { delay: 100 })', () => {
    expect(analyzeBehavior({ ...person, keyIntervalMeanMs: 100.2, keyIntervalStdMs: 1.3 }).roboticTyping).toBe(true);
  });

  it('calls back-to-back typing robotic even when its spread is large', () => {
    expect(analyzeBehavior({ ...person, keyIntervalMeanMs: 12, keyIntervalStdMs: 9 }).roboticTyping).toBe(true);
  });

  it('does not judge typing from a handful of keys', () => {
    expect(analyzeBehavior({ ...person, keystrokes: 4, keyIntervals: 3, keyIntervalMeanMs: 5, keyIntervalStdMs: 0.5 }).roboticTyping).toBe(false);
    expect(analyzeBehavior({ ...person, keystrokes: 0, keyIntervals: 0, keyIntervalMeanMs: null, keyIntervalStdMs: null }).roboticTyping).toBe(false);
  });

  it('counts taps as pointer use, so a phone user is not "without pointer"', () => {
    expect(analyzeBehavior({ ...person, pointerMoves: 0, pointerDowns: 0, pointerStraightness: null }).noPointer).toBe(true);
    expect(analyzeBehavior({ ...person, pointerMoves: 0, pointerDowns: 4, pointerStraightness: null }).noPointer).toBe(false);
  });

  it('calls ruler-straight pointer paths scripted once there are enough moves', () => {
    expect(analyzeBehavior({ ...person, pointerStraightness: 1 }).straightPointer).toBe(true);
    expect(analyzeBehavior({ ...person, pointerStraightness: 1, pointerMoves: 4 }).straightPointer).toBe(false);
    expect(analyzeBehavior({ ...person, pointerStraightness: 0.97 }).straightPointer).toBe(false);
  });

  it('flags forms submitted faster than a person reads them, and pastes', () => {
    expect(analyzeBehavior({ ...person, elapsedMs: 900 }).tooFast).toBe(true);
    expect(analyzeBehavior({ ...person, elapsedMs: 2500 }).tooFast).toBe(false);
    expect(analyzeBehavior({ ...person, pasteCount: 2 }).pasted).toBe(true);
  });
});

describe('behaviorSchema', () => {
  it.each<[string, Record<string, unknown>]>([
    ['an unknown field', { ...person, keys: ['a', 'b'] }],
    ['another version', { ...person, v: 2 }],
    ['a negative count', { ...person, keystrokes: -1 }],
    ['a fractional count', { ...person, pointerMoves: 1.5 }],
    ['straightness above 1', { ...person, pointerStraightness: 1.2 }],
    ['a session longer than a day', { ...person, elapsedMs: 90_000_000 }],
    ['an interval over an hour', { ...person, keyIntervalMeanMs: 4_000_000 }],
    ['NaN', { ...person, keyIntervalStdMs: Number.NaN }],
    ['a malformed hint', { ...person, headlessHints: ['Bad Hint!'] }],
    ['too many hints', { ...person, headlessHints: Array.from({ length: 21 }, (_, i) => `h${i}`) }],
    ['a missing field', { ...person, webdriver: undefined }],
  ])('rejects %s', (_name, payload) => {
    expect(behaviorSchema.safeParse(payload).success).toBe(false);
  });

  it('accepts statistics the collector could not compute as null', () => {
    const empty = { ...person, keystrokes: 1, keyIntervals: 0, keyIntervalMeanMs: null, keyIntervalStdMs: null, pointerStraightness: null };
    expect(behaviorSchema.safeParse(empty).success).toBe(true);
  });
});

describe('a password manager is not a bot', () => {
  it('does not call a login filled by autofill and one click too fast, but does a form filled with no touch at all', () => {
    const autofill = { v: 1 as const, keystrokes: 0, keyIntervals: 0, keyIntervalMeanMs: null, keyIntervalStdMs: null, pointerMoves: 14, pointerDowns: 1, pointerStraightness: 0.93, pasteCount: 0, fieldFocusCount: 2, elapsedMs: 900, webdriver: false, headlessHints: [] };
    expect(analyzeBehavior(behaviorSchema.parse(autofill)).tooFast).toBe(false);
    expect(analyzeBehavior(behaviorSchema.parse({ ...autofill, pointerMoves: 0, pointerDowns: 0, pointerStraightness: null })).tooFast).toBe(true);
  });
});

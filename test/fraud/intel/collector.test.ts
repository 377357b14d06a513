import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { collectorScript } from '../../../src/fraud/collector/serve.ts';
import { analyzeBehavior, behaviorSchema, type BehaviorSummary } from '../../../src/fraud/intel/behavior.ts';
import { analyzeDevice } from '../../../src/fraud/intel/device.ts';

/**
 * collector.js runs here in a node:vm context whose window and document are plain EventTargets.
 * Time is fake: events carry the timeStamp we give them (as a browser's do), and
 * performance.now() returns `clock`, so robotic and human rhythms are exact and repeatable.
 */

const DESKTOP_CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

class TimedEvent extends Event {
  readonly #at: number;
  constructor(type: string, at: number, fields: Record<string, unknown> = {}) {
    super(type);
    this.#at = at;
    Object.assign(this, fields);
  }
  override get timeStamp(): number {
    return this.#at;
  }
}

interface Api {
  start(form?: EventTarget): void;
  collect(): unknown;
}

interface BrowserOptions {
  userAgent?: string;
  webdriver?: boolean;
  plugins?: number;
  languages?: string[];
  windowChrome?: boolean;
  globals?: Record<string, unknown>;
  documentGlobals?: Record<string, unknown>;
}

function browser(options: BrowserOptions = {}) {
  let clock = 0;
  const win = new EventTarget() as EventTarget & Record<string, unknown>;
  const doc = new EventTarget() as EventTarget & Record<string, unknown>;
  Object.assign(win, {
    navigator: {
      userAgent: options.userAgent ?? DESKTOP_CHROME,
      webdriver: options.webdriver ?? false,
      languages: options.languages ?? ['ja-JP', 'ja', 'en-US'],
      plugins: { length: options.plugins ?? 5 },
    },
    performance: { now: () => clock },
    PointerEvent: function PointerEvent() {},
    outerWidth: 1280,
    outerHeight: 800,
    ...(options.windowChrome === false ? {} : { chrome: {} }),
    ...options.globals,
  });
  Object.assign(doc, options.documentGlobals);
  vm.runInContext(collectorScript().body, vm.createContext({ window: win, document: doc }), { filename: 'collector.js' });
  const api = win.TenpoSignals as Api;
  const form = new EventTarget();
  clock = 0;
  api.start(form);
  return {
    form,
    doc,
    at(t: number) {
      clock = t;
    },
    summary(t: number): BehaviorSummary {
      clock = t;
      return behaviorSchema.parse(api.collect());
    },
    api,
  };
}

/** Deterministic jitter (a linear congruential generator) so the "human" is the same every run. */
function jitter(seed: number) {
  let s = seed;
  return (min: number, max: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return min + (s / 2 ** 31) * (max - min);
  };
}

describe('collector.js', () => {
  it('tells a person from a script', () => {
    const rand = jitter(7);
    const person = browser();
    person.form.dispatchEvent(new TimedEvent('focusin', 900));
    // A curved reach for the field: an arc, sampled every ~16 ms with wobble.
    for (let i = 0; i <= 40; i++) {
      const a = (i / 40) * (Math.PI / 2);
      person.doc.dispatchEvent(new TimedEvent('pointermove', 1000 + i * 16, { clientX: 300 + 250 * Math.sin(a) + rand(-2, 2), clientY: 500 - 250 * (1 - Math.cos(a)) + rand(-2, 2) }));
    }
    person.doc.dispatchEvent(new TimedEvent('pointerdown', 1700));
    let t = 2000;
    for (let i = 0; i < 24; i++) {
      person.form.dispatchEvent(new TimedEvent('keydown', t, { key: 'x' }));
      t += rand(120, 250);
    }
    const human = person.summary(14_000);

    const script = browser();
    script.form.dispatchEvent(new TimedEvent('focusin', 100));
    for (let i = 0; i <= 20; i++) script.doc.dispatchEvent(new TimedEvent('pointermove', 150 + i * 5, { clientX: 10 + i * 20, clientY: 10 + i * 10 }));
    for (let i = 0; i < 24; i++) script.form.dispatchEvent(new TimedEvent('keydown', 300 + i * 10, { key: 'x' }));
    const robot = script.summary(800);

    expect(human).toMatchObject({ keystrokes: 24, keyIntervals: 23, pointerMoves: 41, pointerDowns: 1, fieldFocusCount: 1, elapsedMs: 14_000, webdriver: false, headlessHints: [] });
    expect(human.keyIntervalMeanMs).toBeGreaterThan(120);
    expect(human.keyIntervalStdMs).toBeGreaterThan(20);
    expect(analyzeBehavior(human)).toEqual({ roboticTyping: false, noPointer: false, straightPointer: false, tooFast: false, pasted: false });

    expect(robot).toMatchObject({ keystrokes: 24, keyIntervals: 23, keyIntervalMeanMs: 10, keyIntervalStdMs: 0, pointerStraightness: 1 });
    expect(analyzeBehavior(robot)).toEqual({ roboticTyping: true, noPointer: false, straightPointer: true, tooFast: true, pasted: false });
  });

  it('tells a steady 100 ms script from a person typing at the same speed', () => {
    const steady = browser();
    for (let i = 0; i < 12; i++) steady.form.dispatchEvent(new TimedEvent('keydown', 1000 + i * 100 + (i % 2) * 2));
    expect(analyzeBehavior(steady.summary(5000)).roboticTyping).toBe(true);
  });

  it('ignores auto-repeat and pauses between fields, and counts pastes', () => {
    const b = browser();
    b.form.dispatchEvent(new TimedEvent('keydown', 1000));
    b.form.dispatchEvent(new TimedEvent('keydown', 1033, { repeat: true }));
    b.form.dispatchEvent(new TimedEvent('keydown', 1200));
    b.form.dispatchEvent(new TimedEvent('keydown', 9000)); // after moving to the next field
    b.form.dispatchEvent(new TimedEvent('paste', 9500));
    const s = b.summary(10_000);
    expect(s).toMatchObject({ keystrokes: 3, keyIntervals: 1, keyIntervalMeanMs: 200, keyIntervalStdMs: null, pasteCount: 1 });
    expect(analyzeBehavior(s)).toMatchObject({ noPointer: true, pasted: true });
  });

  it('listens only to the form it was started on, and restarts cleanly', () => {
    const b = browser();
    b.doc.dispatchEvent(new TimedEvent('keydown', 100)); // a search box elsewhere on the page
    b.form.dispatchEvent(new TimedEvent('keydown', 200));
    expect(b.summary(300).keystrokes).toBe(1);
    b.at(1000);
    b.api.start(b.form);
    b.form.dispatchEvent(new TimedEvent('keydown', 1100));
    expect(b.summary(1500)).toMatchObject({ keystrokes: 1, elapsedMs: 500 });
  });

  it('reports what a headless, automated browser looks like', () => {
    const b = browser({
      userAgent: DESKTOP_CHROME.replace('Chrome/', 'HeadlessChrome/'),
      webdriver: true,
      plugins: 0,
      languages: [],
      windowChrome: false,
      documentGlobals: { $cdc_asdjflasutopfhvcZLmcfl_: {} },
    });
    const s = b.summary(100);
    expect(s.webdriver).toBe(true);
    expect(new Set(s.headlessHints)).toEqual(new Set(['headless-ua', 'automation-globals', 'no-plugins', 'no-window-chrome', 'no-languages']));
    expect(analyzeDevice({ webdriver: s.webdriver, headlessHints: s.headlessHints })).toMatchObject({ headless: true, automation: true });
  });

  it('spots Playwright’s binding even with an ordinary User-Agent', () => {
    const s = browser({ globals: { __playwright__binding__: {} } }).summary(100);
    expect(s.headlessHints).toEqual(['automation-globals']);
  });

  it('stays small, private and quiet', () => {
    const { body, etag } = collectorScript();
    expect(body.split('\n').length).toBeLessThan(150);
    expect(body).not.toMatch(/document\.cookie|localStorage|sessionStorage|XMLHttpRequest|fetch\(|sendBeacon|WebSocket/);
    expect(body).not.toMatch(/\.key\b|\.code\b|\.keyCode\b|\.which\b/); // never reads which key
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(collectorScript()).toBe(collectorScript()); // read once
  });
});

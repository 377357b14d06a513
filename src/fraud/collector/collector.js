/*
 * Tenpo fraud signals collector, served as /fraud/collector.js. No dependencies, cookies,
 * storage or network: the page posts TenpoSignals.collect() with its form and the server checks
 * it with behaviorSchema (src/fraud/intel/behavior.ts); keep the two in step.
 *   TenpoSignals.start(form?)  restart measuring, scoped to a form (default: the document;
 *                              measuring also starts by itself when the script loads)
 *   TenpoSignals.collect()     the summary so far; call it on submit
 * Privacy: a keydown is read for its time only, never for its key (passwords are typed here);
 * pointer positions shrink to one straightness ratio and never leave the page.
 */
(function () {
  'use strict';
  var w = window, doc = document, nav = w.navigator || {};
  // A gap longer than this is a pause between fields or a moment of thought, not typing rhythm.
  var PAUSE_MS = 1500;
  // A pointer stroke ends after this long without movement, or on a press.
  var STROKE_GAP_MS = 300;
  var hasPointer = typeof w.PointerEvent === 'function';
  var s = null, target = null;

  function now() {
    return w.performance && typeof w.performance.now === 'function' ? w.performance.now() : Date.now();
  }
  // event.timeStamp is when the input happened, on performance.now()'s clock; it is free of the
  // delay before a busy page runs the handler, which would blur a script's even rhythm.
  function stamp(e) {
    return typeof e.timeStamp === 'number' && e.timeStamp > 0 ? e.timeStamp : now();
  }

  function fresh() {
    return { t0: now(), keys: 0, lastKey: -1, n: 0, mean: 0, m2: 0, moves: 0, downs: 0, pastes: 0,
      focuses: 0, stroke: null, chord: 0, path: 0 };
  }

  function onKey(e) {
    if (e.repeat) return; // auto-repeat of a held key fires at a machine-regular rate
    var t = stamp(e);
    s.keys++;
    if (s.lastKey >= 0) {
      var gap = t - s.lastKey;
      if (gap >= 0 && gap <= PAUSE_MS) {
        s.n++; // Welford's running mean and variance: no list of timings is kept
        var d = gap - s.mean;
        s.mean += d / s.n;
        s.m2 += d * (gap - s.mean);
      }
    }
    s.lastKey = t;
  }

  function strokeTotals(stroke) {
    if (!stroke || stroke.points < 3 || stroke.path <= 0) return null; // two points are always a line
    var dx = stroke.x - stroke.x0, dy = stroke.y - stroke.y0;
    return { chord: Math.min(Math.sqrt(dx * dx + dy * dy), stroke.path), path: stroke.path };
  }
  function endStroke() {
    var totals = strokeTotals(s.stroke);
    if (totals) { s.chord += totals.chord; s.path += totals.path; }
    s.stroke = null;
  }
  function onMove(e) {
    var t = stamp(e), x = Number(e.clientX) || 0, y = Number(e.clientY) || 0;
    s.moves++;
    var k = s.stroke;
    if (k && t - k.t <= STROKE_GAP_MS) {
      k.path += Math.sqrt((x - k.x) * (x - k.x) + (y - k.y) * (y - k.y));
      k.points++; k.x = x; k.y = y; k.t = t;
    } else {
      endStroke();
      s.stroke = { x0: x, y0: y, x: x, y: y, t: t, path: 0, points: 1 };
    }
  }
  function onDown() { s.downs++; endStroke(); }
  function onPaste() { s.pastes++; }
  function onFocus() { s.focuses++; }

  var formEvents = [['keydown', onKey], ['paste', onPaste], ['focusin', onFocus]];
  var docEvents = hasPointer
    ? [['pointermove', onMove], ['pointerdown', onDown]]
    : [['mousemove', onMove], ['mousedown', onDown], ['touchstart', onDown]];

  function listen(add) {
    var method = add ? 'addEventListener' : 'removeEventListener';
    // Capture phase, passive: the page cannot hide events from us, and we never delay it.
    var opts = { capture: true, passive: true };
    formEvents.forEach(function (p) { target[method](p[0], p[1], opts); });
    docEvents.forEach(function (p) { doc[method](p[0], p[1], opts); });
  }

  function start(form) {
    if (target) listen(false);
    target = form && typeof form.addEventListener === 'function' ? form : doc;
    s = fresh();
    listen(true);
  }

  function automationGlobals() {
    var names = ['_phantom', 'callPhantom', '__nightmare', 'domAutomation', 'domAutomationController',
      '_selenium', 'callSelenium', '_Selenium_IDE_Recorder', '__webdriver_script_fn',
      '__playwright__binding__', '__pwInitScripts', '__webdriver_evaluate', '__selenium_unwrapped',
      '__driver_evaluate', '__fxdriver_unwrapped'];
    for (var i = 0; i < names.length; i++) if (names[i] in w || names[i] in doc) return true;
    // chromedriver leaves "$cdc_..." / "cdc_..." properties on document or window.
    return Object.keys(doc).concat(Object.keys(w)).some(function (k) { return /^\$?cdc_/.test(k); });
  }

  function hints() {
    var ua = String(nav.userAgent || '');
    var chrome = /Chrome\//.test(ua);
    var phone = /Mobi|Android|iPhone|iPad|; wv\)/.test(ua); // WebViews have no window.chrome either
    var out = [];
    if (/HeadlessChrome/.test(ua)) out.push('headless-ua');
    if (automationGlobals()) out.push('automation-globals');
    if (chrome && !phone && nav.plugins && nav.plugins.length === 0) out.push('no-plugins');
    if (chrome && !phone && typeof w.chrome === 'undefined') out.push('no-window-chrome');
    if (!nav.languages || nav.languages.length === 0) out.push('no-languages');
    if (w.outerWidth === 0 && w.outerHeight === 0) out.push('zero-outer-size');
    return out;
  }

  function int(v, max) { return Math.max(0, Math.min(max, Math.round(v))); }
  function tenth(v) { return Math.min(3600000, Math.round(v * 10) / 10); }

  function collect() {
    var open = strokeTotals(s.stroke);
    var chord = s.chord + (open ? open.chord : 0), path = s.path + (open ? open.path : 0);
    return {
      v: 1,
      keystrokes: int(s.keys, 100000),
      keyIntervals: int(s.n, 100000),
      keyIntervalMeanMs: s.n > 0 ? tenth(s.mean) : null,
      keyIntervalStdMs: s.n > 1 ? tenth(Math.sqrt(s.m2 / (s.n - 1))) : null,
      pointerMoves: int(s.moves, 1000000),
      pointerDowns: int(s.downs, 100000),
      pointerStraightness: path > 0 ? Math.round((chord / path) * 1000) / 1000 : null,
      pasteCount: int(s.pastes, 10000),
      fieldFocusCount: int(s.focuses, 10000),
      elapsedMs: int(now() - s.t0, 86400000),
      webdriver: nav.webdriver === true,
      headlessHints: hints()
    };
  }

  start();
  w.TenpoSignals = { start: start, collect: collect };
})();

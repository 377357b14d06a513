import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDevice, HEADLESS_HINTS, type DeviceSignals } from '../../../src/fraud/intel/device.ts';

const human = { headless: false, automation: false, botUserAgent: false };

const cases: [string, string, Partial<DeviceSignals>][] = [
  [
    'desktop Chrome on Windows',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    { ...human, browser: 'Chrome', os: 'Windows', mobile: false },
  ],
  [
    'Safari on iPhone',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    { ...human, browser: 'Safari', os: 'iOS', mobile: true },
  ],
  [
    'Chrome on Android',
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
    { ...human, browser: 'Chrome', os: 'Android', mobile: true },
  ],
  [
    'LINE’s in-app browser on iPhone',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/14.9.0',
    { ...human, browser: 'LINE', os: 'iOS', mobile: true },
  ],
  [
    'Edge on Windows',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
    { ...human, browser: 'Edge', os: 'Windows' },
  ],
  [
    'Firefox on macOS',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:132.0) Gecko/20100101 Firefox/132.0',
    { ...human, browser: 'Firefox', os: 'macOS', mobile: false },
  ],
  [
    'a CUBOT phone (a brand, not a bot)',
    'Mozilla/5.0 (Linux; Android 11; CUBOT_X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
    { ...human, browser: 'Chrome', os: 'Android' },
  ],
  [
    'HeadlessChrome',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.109 Safari/537.36',
    { headless: true, automation: true, botUserAgent: false, browser: 'Chrome', os: 'Linux', mobile: false },
  ],
  [
    'PhantomJS',
    'Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1',
    { headless: true, automation: true },
  ],
  ['python-requests', 'python-requests/2.31.0', { botUserAgent: true, browser: 'python-requests', os: null, mobile: false }],
  ['curl', 'curl/8.5.0', { botUserAgent: true, browser: 'curl' }],
  ['Go', 'Go-http-client/1.1', { botUserAgent: true, browser: 'Go-http-client' }],
  ['axios', 'axios/1.6.7', { botUserAgent: true, browser: 'axios' }],
  ['node-fetch', 'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)', { botUserAgent: true, browser: 'node-fetch' }],
  ['Googlebot', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', { botUserAgent: true }],
  ['an empty User-Agent', '', { botUserAgent: true, browser: null, os: null, mobile: false }],
];

describe('analyzeDevice', () => {
  it.each(cases)('%s', (_name, userAgent, expected) => {
    expect(analyzeDevice({ userAgent })).toMatchObject(expected);
  });

  it('does not call a missing User-Agent a bot: the caller may simply not have one', () => {
    expect(analyzeDevice({})).toEqual({ headless: false, automation: false, botUserAgent: false, browser: null, os: null, mobile: false });
  });

  const chrome = cases[0]?.[1] ?? '';

  it('flags navigator.webdriver as automation, not as headless', () => {
    expect(analyzeDevice({ userAgent: chrome, webdriver: true })).toMatchObject({ automation: true, headless: false });
  });

  it('needs two weak hints, or one strong one', () => {
    expect(analyzeDevice({ userAgent: chrome, headlessHints: ['no-plugins'] }).headless).toBe(false);
    expect(analyzeDevice({ userAgent: chrome, headlessHints: ['no-plugins', 'no-window-chrome'] }).headless).toBe(true);
    expect(analyzeDevice({ userAgent: chrome, headlessHints: ['no-plugins'], language: '' }).headless).toBe(true);
    expect(analyzeDevice({ userAgent: chrome, headlessHints: ['headless-ua'] }).headless).toBe(true);
    expect(analyzeDevice({ userAgent: chrome, headlessHints: ['automation-globals'] })).toMatchObject({ automation: true, headless: false });
    expect(analyzeDevice({ userAgent: chrome, headlessHints: ['something-new'] }).headless).toBe(false);
  });

  it('knows every hint collector.js can send, and the collector sends every hint it knows', () => {
    const source = readFileSync(new URL('../../../src/fraud/collector/collector.js', import.meta.url), 'utf8');
    const sent = [...source.matchAll(/out\.push\('([a-z-]+)'\)/g)].map((m) => m[1]);
    expect(new Set(sent)).toEqual(new Set(Object.keys(HEADLESS_HINTS)));
  });
});

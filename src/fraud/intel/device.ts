/**
 * Device signals from the User-Agent and from what Tenpo's browser script (collector.js)
 * observed. A small regex table rather than a UA-parsing library: the rules need a handful of
 * facts (headless? automated? a scripting client? which browser family?), and the best-known
 * parser, ua-parser-js, is AGPL from v2 on.
 *
 * Each field is a signal for rules to weigh. A User-Agent is whatever the client says, so a
 * clean one proves nothing; a bad one (HeadlessChrome, python-requests) is an admission.
 */

export interface DeviceInput {
  /** The User-Agent header; undefined when the caller did not send it, '' when it was empty. */
  userAgent?: string;
  /** BCP 47 (navigator.language), e.g. ja-JP. */
  language?: string;
  /** IANA zone the browser reports, e.g. Asia/Tokyo. Compared with the IP's country in geo.ts. */
  timezone?: string;
  /** navigator.webdriver, true under WebDriver (Selenium) and CDP automation (Puppeteer, Playwright). */
  webdriver?: boolean;
  /** The collector's hints, see HEADLESS_HINTS. */
  headlessHints?: string[];
}

export interface DeviceSignals {
  headless: boolean;
  automation: boolean;
  botUserAgent: boolean;
  browser: string | null;
  os: string | null;
  /** A phone or a tablet. */
  mobile: boolean;
}

/**
 * The hints collector.js may report; keep the two files in step (test/fraud/intel checks it).
 * "strong" hints are decisive alone; a single "weak" one also occurs on real browsers (a
 * privacy extension emptying navigator.plugins, a kiosk window), so two are needed.
 */
export const HEADLESS_HINTS = {
  /** navigator.userAgent says HeadlessChrome, even if the HTTP header was rewritten. */
  'headless-ua': 'strong',
  /** window/document globals that only automation frameworks define (chromedriver's cdc_, Playwright's bindings, PhantomJS, Nightmare). */
  'automation-globals': 'strong',
  /** Desktop Chrome with navigator.plugins empty: old headless mode. */
  'no-plugins': 'weak',
  /** Chrome's UA without window.chrome: old headless mode, or a UA spoofed by another engine. */
  'no-window-chrome': 'weak',
  /** navigator.languages empty: headless Chrome before the new headless mode. */
  'no-languages': 'weak',
  /** window.outerWidth/outerHeight 0: no real window around the page. */
  'zero-outer-size': 'weak',
} as const;
export type HeadlessHint = keyof typeof HEADLESS_HINTS;

const WEAK_HINTS_FOR_HEADLESS = 2;

/** Order matters: Edge, Opera, Samsung and LINE also claim Chrome or Safari in their UA. */
const BROWSERS: readonly (readonly [RegExp, string])[] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bLine\/\d/, 'LINE'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/Chrome\/|\bCriOS\//, 'Chrome'], // also "HeadlessChrome/"
  [/\bSafari\/|\bAppleWebKit\/.*\bMobile\//, 'Safari'],
  [/\bMSIE |\bTrident\//, 'Internet Explorer'],
];

/** HTTP libraries and command-line tools: no person types into a form through these. */
const CLIENTS: readonly (readonly [RegExp, string])[] = [
  [/^curl\//i, 'curl'],
  [/^Wget\//i, 'Wget'],
  [/python-requests/i, 'python-requests'],
  [/Python-urllib/i, 'Python-urllib'],
  [/aiohttp/i, 'aiohttp'],
  [/python-httpx/i, 'httpx'],
  [/Go-http-client/i, 'Go-http-client'],
  [/axios/i, 'axios'],
  [/node-fetch/i, 'node-fetch'],
  [/^undici|^node$/i, 'undici'],
  [/okhttp/i, 'okhttp'],
  [/Apache-HttpClient/i, 'Apache-HttpClient'],
  [/^Java\//, 'Java'],
  [/libwww-perl/i, 'libwww-perl'],
  [/PostmanRuntime/i, 'Postman'],
  [/insomnia/i, 'Insomnia'],
  [/Scrapy/i, 'Scrapy'],
  [/^Ruby|Faraday/i, 'Ruby'],
  [/GuzzleHttp/i, 'Guzzle'],
];

/** Crawlers name themselves "...bot/1.0": matched as a word so a phone brand such as CUBOT is not. */
const CRAWLER = /(?:bot|crawler|spider)(?:[/;\-\s)]|$)|facebookexternalhit|\bslurp\b/i;

const HEADLESS_UA = /\bHeadlessChrome\b|\bPhantomJS\b|\bSlimerJS\b/;
/** Tools that write themselves into the UA while driving a browser. */
const AUTOMATION_UA = /\bPhantomJS\b|\bSlimerJS\b|\bSelenium\b|\bWebDriver\b|\bPuppeteer\b|\bPlaywright\b|\bCypress\//i;

const OSES: readonly (readonly [RegExp, string])[] = [
  [/\biPhone\b|\biPad\b|\biPod\b/, 'iOS'], // before macOS: iOS says "like Mac OS X"
  [/\bAndroid\b/, 'Android'], // before Linux: Android says "Linux"
  [/\bWindows\b|\bWin(?:32|64)\b/, 'Windows'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMacintosh\b|\bMac OS X\b/, 'macOS'],
  [/\bLinux\b|\bX11\b/, 'Linux'],
];

const MOBILE = /\bMobi|\biPhone\b|\biPad\b|\biPod\b|\bAndroid\b|\bTablet\b/;

function first(table: readonly (readonly [RegExp, string])[], ua: string): string | null {
  for (const [pattern, name] of table) if (pattern.test(ua)) return name;
  return null;
}

export function analyzeDevice(input: DeviceInput): DeviceSignals {
  const ua = (input.userAgent ?? '').trim().slice(0, 1000);
  const hints = new Set(input.headlessHints ?? []);
  const client = first(CLIENTS, ua);
  const uaHeadless = HEADLESS_UA.test(ua);

  let weak = 0;
  for (const hint of hints) if (HEADLESS_HINTS[hint as HeadlessHint] === 'weak') weak++;
  // An empty navigator.language is what headless Chrome reported before its new mode.
  if (input.language !== undefined && input.language.trim() === '' && !hints.has('no-languages')) weak++;

  const headless = uaHeadless || hints.has('headless-ua') || weak >= WEAK_HINTS_FOR_HEADLESS;
  return {
    headless,
    // A headless browser submitting a form is driven by a program by definition.
    automation: headless || input.webdriver === true || hints.has('automation-globals') || AUTOMATION_UA.test(ua),
    // Only a UA that was sent empty counts: an absent field means the caller had none to pass.
    botUserAgent: (input.userAgent !== undefined && ua === '') || client !== null || CRAWLER.test(ua),
    browser: client ?? first(BROWSERS, ua),
    os: client ? null : first(OSES, ua),
    mobile: MOBILE.test(ua),
  };
}

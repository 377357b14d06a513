import { describe, expect, it } from 'vitest';
import { evidence, HEADLESS_UA, IPHONE_UA, JP_CLOUD_IP, JP_HOME_IP, ruleIds, uid, useFraudSuite } from './support.ts';

const suite = useFraudSuite();

const HUMAN = {
  v: 1, keystrokes: 42, keyIntervals: 38, keyIntervalMeanMs: 182, keyIntervalStdMs: 64, pointerMoves: 140, pointerDowns: 4,
  pointerStraightness: 0.9, pasteCount: 0, fieldFocusCount: 4, elapsedMs: 14_000, webdriver: false, headlessHints: [],
};
const SCRIPT = {
  v: 1, keystrokes: 42, keyIntervals: 41, keyIntervalMeanMs: 11, keyIntervalStdMs: 1.5, pointerMoves: 0, pointerDowns: 0,
  pointerStraightness: null, pasteCount: 0, fieldFocusCount: 4, elapsedMs: 900, webdriver: true, headlessHints: ['headless-ua'],
};

function person(extra: Record<string, unknown> = {}) {
  const n = uid('p');
  return { name: '高橋 健', email: `ken.${n}@example.jp`, phone: '080-2345-6789', ...extra };
}

describe('screenSignup', () => {
  it('passes a person filling the form by hand', async () => {
    const d = await suite.screen('Signup', { person: person(), context: { ip: JP_HOME_IP, device: { id: uid('d'), userAgent: IPHONE_UA, language: 'ja-JP', timezone: 'Asia/Tokyo' }, behavior: HUMAN } });
    expect(d.verdict).toBe('OK');
    expect(d.reasons).toEqual([]);
  });

  it('refuses a headless browser typing like a script from a data centre', async () => {
    const d = await suite.screen('Signup', {
      person: person({ email: `${uid('bot')}@mailinator.com` }),
      context: { ip: JP_CLOUD_IP, device: { id: uid('d'), userAgent: HEADLESS_UA, language: 'en-US', timezone: 'UTC' }, behavior: SCRIPT },
    });
    expect(d.verdict).toBe('NG');
    expect(ruleIds(d)).toEqual(expect.arrayContaining(['device.headless', 'behavior.robotic', 'behavior.pointer', 'ip.datacenter', 'email.disposable']));
  });

  it('counts the accounts made on one device', async () => {
    const device = { id: uid('farm'), userAgent: IPHONE_UA, language: 'ja-JP', timezone: 'Asia/Tokyo' };
    let d;
    for (let i = 0; i < 3; i++) d = await suite.screen('Signup', { accountId: uid('acct'), person: person(), context: { ip: JP_HOME_IP, device, behavior: HUMAN } });
    expect(evidence(d!, 'graph.device_accounts')).toEqual({ 'graph.device.accounts.30d': 3 });
  });

  it('rejects a malformed behaviour summary rather than reasoning about it', async () => {
    const res = await suite.api.gql(
      `mutation($input: ScreenSignupInput!) { screenSignup(input: $input) { decision { id } errors { code path } } }`,
      { input: { person: person(), context: { behavior: { ...HUMAN, pointerStraightness: 7 } } } },
      suite.org.key,
    );
    expect(res.data.screenSignup.errors).toEqual([{ code: 'INVALID_INPUT', path: ['context', 'behavior', 'pointerStraightness'] }]);
  });
});

describe('screenLogin', () => {
  it('sees credential stuffing: many failed logins from one IP across accounts', async () => {
    const org = await suite.newOrg();
    let d;
    for (let i = 0; i < 10; i++) d = await suite.screen('Login', { accountId: uid('victim'), succeeded: false, context: { ip: '45.77.1.2', device: { id: uid('d') } } }, org.key);
    expect(evidence(d!, 'login.failures_ip')).toEqual({ 'login.failed.ip.1h': 10 });
  });

  it('sees credential stuffing spread over many IPs and accounts as a shop-wide wave of failures', async () => {
    const org = await suite.newOrg();
    const t0 = Date.parse('2026-11-21T00:00:00Z');
    const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();
    // A normal day: a handful of mistyped passwords.
    for (let i = 0; i < 6; i++) await suite.screen('Login', { accountId: uid('day'), succeeded: false, context: { ip: JP_HOME_IP, occurredAt: at(i * 180) } }, org.key);
    const regular = uid('regular');
    const phone = uid('phone');
    await suite.screen('Login', { accountId: regular, succeeded: true, context: { ip: JP_HOME_IP, device: { id: phone }, occurredAt: at(1190) } }, org.key);
    // Then 30 accounts, one try each, from 30 home IPs within ten minutes.
    let last;
    for (let i = 0; i < 30; i++) {
      last = await suite.screen('Login', { accountId: uid('target'), succeeded: false, context: { ip: `126.50.${i}.9`, device: { id: uid('d') }, occurredAt: at(1200 + i / 4) } }, org.key);
    }
    expect(last!.verdict).toBe('REVIEW');
    expect(evidence(last!, 'login.stuffing_wave')).toMatchObject({ 'login.failed.shop.10m': 30 });
    // The regular customer on their own phone is not challenged; a success from a new device is.
    const own = await suite.screen('Login', { accountId: regular, succeeded: true, context: { ip: JP_HOME_IP, device: { id: phone }, occurredAt: at(1208) } }, org.key);
    expect(ruleIds(own)).not.toContain('login.stuffing_wave');
    const taken = await suite.screen('Login', { accountId: regular, succeeded: true, context: { ip: '126.50.99.9', device: { id: uid('new') }, occurredAt: at(1209) } }, org.key);
    expect(ruleIds(taken)).toContain('login.stuffing_wave');
  });

  it('sees a success after a run of failures on one account', async () => {
    const org = await suite.newOrg();
    const accountId = uid('acct');
    for (let i = 0; i < 5; i++) await suite.screen('Login', { accountId, succeeded: false, context: { ip: JP_HOME_IP } }, org.key);
    const d = await suite.screen('Login', { accountId, succeeded: true, context: { ip: JP_HOME_IP } }, org.key);
    expect(evidence(d, 'login.failures_account')).toEqual({ 'login.failed.account.1h': 5 });
  });

  it('sees impossible travel between two successful logins, and not a slow trip', async () => {
    const accountId = uid('traveller');
    const t0 = Date.parse('2026-11-20T09:00:00Z');
    const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();
    await suite.screen('Login', { accountId, succeeded: true, context: { ip: JP_HOME_IP, occurredAt: at(0) } });
    const germany = await suite.screen('Login', { accountId, succeeded: true, context: { ip: '5.9.0.1', occurredAt: at(60) } });
    expect(ruleIds(germany)).toContain('login.impossible_travel');
    expect(Number(evidence(germany, 'login.impossible_travel')['login.travel_kmh'])).toBeGreaterThan(5000);

    const slow = uid('slow');
    await suite.screen('Login', { accountId: slow, succeeded: true, context: { ip: JP_HOME_IP, occurredAt: at(0) } });
    const later = await suite.screen('Login', { accountId: slow, succeeded: true, context: { ip: '5.9.0.1', occurredAt: at(24 * 60) } });
    expect(ruleIds(later)).not.toContain('login.impossible_travel');
  });

  it('notes a new device only for an account that has used others', async () => {
    const accountId = uid('acct');
    const first = await suite.screen('Login', { accountId, succeeded: true, context: { ip: JP_HOME_IP, device: { id: uid('phone') } } });
    expect(ruleIds(first)).not.toContain('login.new_device');
    const second = await suite.screen('Login', { accountId, succeeded: true, context: { ip: JP_HOME_IP, device: { id: uid('laptop') } } });
    expect(ruleIds(second)).toContain('login.new_device');
  });
});

describe('the browser script', () => {
  it('is served to any site, cached by ETag, and defines TenpoSignals', async () => {
    const res = await fetch(`${suite.api.url}/fraud/collector.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.text()).toContain('TenpoSignals');
    const again = await fetch(`${suite.api.url}/fraud/collector.js`, { headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});

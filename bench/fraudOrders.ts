/**
 * Order fraud as Japanese merchants meet it (the patterns O-PLUX-type services are sold
 * against): 後払い fraud shipped to a forwarding service or held at a depot, one person behind
 * many names, reshipping mules, stolen cards on large orders, card testing, and fraudsters
 * coming back with part of an identity that was caught. A share is careful enough to pass.
 */
import {
  ADDRESS_STYLES, emailFor, homeAddress, honestPhone, humanBehavior, ipIn, mobileIp, NETWORKS, newDevice, personName, phoneNumber,
  pickupPoint, UA, writeAddress, writeName, writePhone, type Device, type Rng,
} from './fraudPeople.ts';
import { DAY, HOUR, MINUTE, type Context, type Org, type World } from './fraudWorld.ts';

export interface Fake {
  name: string;
  email: string;
  phone: string;
  address: string;
}

/** What a returning fraudster may bring back from an earlier attempt. */
interface Actor {
  org: Org;
  last: number;
  fake: Fake;
  shipTo: string;
  device: Device;
}

const letters = (rng: Rng, n: number) => Array.from({ length: n }, () => 'abcdefghijkmnpqrstuvwxyz'[rng.int(0, 23)]).join('');

export function fakeIdentity(w: World, email: 'random' | 'free' | 'disposable', phone: 'prepaid' | 'honest'): Fake {
  const { rng } = w;
  const name = personName(rng);
  const mail =
    email === 'free'
      ? emailFor(rng, name)
      : email === 'disposable'
        ? `${letters(rng, rng.int(6, 10))}@${rng.pick(['yopmail.com', 'sharklasers.com', 'mail.tm', 'temp-mail.org', 'maildrop.cc'])}`
        : `${letters(rng, rng.int(5, 9))}${rng.int(10, 9999)}@${rng.pick(['gmail.com', 'yahoo.co.jp', 'outlook.jp'])}`;
  const digits = phone === 'honest' ? honestPhone(rng) : phoneNumber(rng, rng.weighted([['070', 45], ['080', 25], ['050', 30]] as const));
  return { name: writeName(rng, name), email: w.uniqueEmail(() => mail), phone: writePhone(rng, digits), address: writeAddress(homeAddress(rng), 'dash') };
}

/** Where a parcel can be collected without a home: the pickup points everyone uses, and forwarders. */
export function dropAddress(rng: Rng): string {
  const h = homeAddress(rng);
  if (rng.chance(0.6)) return pickupPoint(rng, h);
  const street = writeAddress({ ...h, building: null, room: null }, 'dash');
  return rng.pick([
    `${street} ${rng.pick(['荷物転送サービス', '転送センター', 'バーチャルオフィス'])} ${letters(rng, 2).toUpperCase()}${rng.int(100, 9999)}`,
    `${street} 私書箱${rng.int(10, 999)}号`,
    `${street} ${rng.int(2, 9)}F ${letters(rng, 3).toUpperCase()}-${rng.int(1000, 9999)}`,
  ]);
}

type Net = 'home' | 'mobile' | 'jpCloud' | 'abroad' | 'tor';
export function fraudIp(rng: Rng, net: Net): string {
  if (net === 'mobile') return mobileIp(rng);
  if (net === 'home') return ipIn(rng, NETWORKS.jpHome);
  return ipIn(rng, net === 'jpCloud' ? NETWORKS.jpCloud : net === 'abroad' ? NETWORKS.cloudAbroad : NETWORKS.tor);
}

/** Fraudsters fill forms by hand too, often pasting prepared details. */
function typed(rng: Rng, device: Device, form: 'signup' | 'login'): Context['behavior'] {
  const b = humanBehavior(rng, form, device.mobile, false);
  return rng.chance(0.5) ? { ...b, pasteCount: rng.int(2, 5), elapsedMs: Math.round(b.elapsedMs * 0.5) } : b;
}

function signupAs(w: World, org: Org, at: number, scenario: string, fake: Fake, ctx: Context): { id: string; createdAt: number } {
  const account = { id: w.id(`${org}-u`), createdAt: at };
  const device = ctx.device as Device;
  w.signup(org, at, 'FRAUD', scenario, { accountId: account.id, person: fake, ctx: { ...ctx, behavior: typed(w.rng, device, 'signup') } });
  return account;
}

export function orderFraud(w: World): void {
  const actors: Actor[] = [];
  deferredForwarding(w, actors);
  deferredCareful(w);
  manyNames(w, actors);
  reshippers(w);
  highAmount(w, actors);
  cardTesting(w);
  returning(w, actors);
}

function deferredForwarding(w: World, actors: Actor[]): void {
  const { rng } = w;
  const S = 'order.deferred_forwarding';
  for (let i = w.count(7); i > 0; i--) {
    const org: Org = rng.chance(0.7) ? 'A' : 'B';
    const fake = fakeIdentity(w, rng.chance(0.5) ? 'random' : 'free', 'prepaid');
    const device = newDevice(rng, rng.pick(['android', 'iphone', 'windows'] as const));
    const net = rng.weighted<Net>([['home', 45], ['mobile', 15], ['jpCloud', 15], ['abroad', 15], ['tor', 10]]);
    const ip = fraudIp(rng, net);
    let at = w.when(w.randomDay(0, w.days - 4));
    const account = signupAs(w, org, at, S, fake, { ip, device });
    const drop = dropAddress(rng);
    for (let k = 0, n = rng.int(2, 4); k < n; k++) {
      at += k === 0 ? rng.int(10, 60) * MINUTE : rng.int(2, 72) * HOUR;
      w.order(org, at, 'FRAUD', S, {
        account,
        billing: fake,
        shipping: { name: rng.chance(0.7) ? fake.name : writeName(rng, personName(rng)), phone: fake.phone, address: rng.chance(0.7) ? drop : dropAddress(rng) },
        amount: w.amount(org, rng.logNormal(3, 0.3)),
        payment: rng.chance(0.85) ? 'DEFERRED' : 'COD',
        ctx: { ip: net === 'mobile' ? mobileIp(rng) : ip, device },
      });
    }
    actors.push({ org, last: at, fake, shipTo: drop, device });
    if (rng.chance(0.35)) {
      // The same ring at another shop: same phone and depot, a new mailbox, guest checkout.
      const other: Org = org === 'A' ? 'B' : 'A';
      const email = fakeIdentity(w, 'random', 'prepaid').email;
      for (let k = rng.int(1, 2); k > 0; k--) {
        at += rng.int(12, 96) * HOUR;
        w.order(other, at, 'FRAUD', S, { billing: { ...fake, email }, shipping: { name: fake.name, address: drop }, amount: w.amount(other, 2.5), payment: 'DEFERRED', ctx: { ip: fraudIp(rng, net), device } });
      }
    }
  }
}

/** One order, a plausible identity, a real stranger's address to intercept at, 後払い: looks like a first-time customer. */
function deferredCareful(w: World): void {
  const { rng } = w;
  for (let i = w.count(12); i > 0; i--) {
    const org: Org = rng.chance(0.65) ? 'A' : 'B';
    const p = w.persona();
    const fake = { name: p.written, email: p.email, phone: p.phone, address: writeAddress(homeAddress(rng), rng.pick(ADDRESS_STYLES)) };
    const ctx = { ip: rng.chance(0.5) ? mobileIp(rng) : fraudIp(rng, 'home'), device: p.devices[0]! };
    const at = w.when(w.randomDay(0, w.days - 2));
    const account = signupAs(w, org, at, 'order.deferred:careful', fake, ctx);
    w.order(org, at + rng.int(10, 2 * 24 * 60) * MINUTE, 'FRAUD', 'order.deferred:careful', { account, billing: fake, amount: w.amount(org, rng.logNormal(1.8, 0.3)), payment: 'DEFERRED', ctx });
  }
}

/** One phone and one flat, many names: each name gets its own 後払い credit line. */
function manyNames(w: World, actors: Actor[]): void {
  const { rng } = w;
  const S = 'order.many_names';
  for (let i = w.count(4); i > 0; i--) {
    const org: Org = rng.chance(0.7) ? 'A' : 'B';
    const phone = phoneNumber(rng, rng.pick(['080', '090', '070'] as const));
    const home = homeAddress(rng);
    const devices = [newDevice(rng, 'android'), ...(rng.chance(0.4) ? [newDevice(rng, 'windows')] : [])];
    const isp = rng.pick(NETWORKS.jpHome);
    const first = w.randomDay(0, w.days - 5);
    const span = rng.int(3, 14) * DAY;
    const names = rng.int(4, 7);
    let last = 0;
    for (let k = 0; k < names; k++) {
      const shop: Org = k >= names - 2 && rng.chance(0.3) ? (org === 'A' ? 'B' : 'A') : org;
      const at = w.when(first) + Math.round((span * k) / names) + rng.int(0, 6 * HOUR);
      const fake = { ...fakeIdentity(w, rng.chance(0.6) ? 'free' : 'random', 'honest'), phone: writePhone(rng, phone), address: writeAddress(home, rng.pick(ADDRESS_STYLES)) };
      const ctx = { ip: ipIn(rng, [isp]), device: rng.pick(devices) };
      const account = rng.chance(0.7) ? signupAs(w, shop, at, S, fake, ctx) : null;
      last = at + rng.int(5, 90) * MINUTE;
      w.order(shop, last, 'FRAUD', S, { account, billing: fake, amount: w.amount(shop, rng.logNormal(2, 0.3)), payment: rng.chance(0.85) ? 'DEFERRED' : 'COD', ctx });
      if (k === names - 1) actors.push({ org: shop, last, fake, shipTo: fake.address, device: ctx.device });
    }
  }
}

/** Stolen cards, parcels to a mule's ordinary flat, from a desk abroad (or, carefully, through Japanese proxies). */
function reshippers(w: World): void {
  const { rng } = w;
  const rings = [...Array<boolean>(w.count(3)).fill(false), ...Array<boolean>(w.count(1)).fill(true)];
  for (const careful of rings) {
    const S = careful ? 'order.reshipper:careful' : 'order.reshipper';
    const org: Org = rng.chance(0.6) ? 'A' : 'B';
    const mule = w.persona();
    const locale = rng.pick([{ language: 'zh-CN', timezone: 'Asia/Shanghai' }, { language: 'vi-VN', timezone: 'Asia/Ho_Chi_Minh' }]);
    const spoofed = rng.chance(0.5) ? { language: 'ja-JP', timezone: 'Asia/Tokyo' } : locale;
    const desks = Array.from({ length: rng.int(1, 2) }, () => newDevice(rng, 'windows', spoofed));
    const home = locale.language === 'zh-CN' ? NETWORKS.CN : NETWORKS.VN;
    const ips = Array.from({ length: rng.int(1, 3) }, () => ipIn(rng, rng.weighted<readonly string[]>([[home, 40], [NETWORKS.cloudAbroad, 30], [NETWORKS.jpCloud, 30]])));
    let at = w.when(w.randomDay(0, w.days - (careful ? 11 : 5)));
    for (let k = careful ? rng.int(5, 8) : rng.int(6, 10); k > 0; k--) {
      at += careful ? rng.int(20, 40) * HOUR : rng.int(1, 10) * HOUR;
      const victim = personName(rng);
      const victimName = writeName(rng, victim);
      const ctx: Context = careful ? { ip: fraudIp(rng, 'home'), device: newDevice(rng, 'iphone') } : { ip: rng.pick(ips), device: rng.pick(desks) };
      w.order(org, at, 'FRAUD', S, {
        billing: { name: victimName, email: fakeIdentity(w, 'random', 'honest').email, phone: writePhone(rng, honestPhone(rng)), address: writeAddress(homeAddress(rng), 'dash') },
        shipping: { name: careful || rng.chance(0.4) ? victimName : mule.written, phone: rng.chance(0.5) ? mule.phone : undefined, address: careful ? writeAddress(mule.home, rng.pick(ADDRESS_STYLES)) : mule.addressLine },
        amount: w.amount(org, rng.logNormal(3, 0.4)),
        payment: 'CARD',
        ctx,
      });
    }
  }
}

/** A stolen card on a new account: a laptop or a camera, the same hour, shipped elsewhere. */
function highAmount(w: World, actors: Actor[]): void {
  const { rng } = w;
  const S = 'order.high_amount';
  for (let i = w.count(10); i > 0; i--) {
    const org: Org = rng.chance(0.6) ? 'A' : 'B';
    const fake = fakeIdentity(w, 'free', rng.chance(0.5) ? 'honest' : 'prepaid');
    const device = newDevice(rng, rng.pick(['windows', 'iphone', 'android'] as const));
    const ip = fraudIp(rng, rng.weighted<Net>([['home', 40], ['mobile', 20], ['jpCloud', 20], ['abroad', 20]]));
    const at = w.when(w.randomDay());
    const account = signupAs(w, org, at, S, fake, { ip, device });
    const shipTo = rng.chance(0.7) ? writeAddress(homeAddress(rng), 'dash') : dropAddress(rng);
    const last = at + rng.int(5, 60) * MINUTE;
    w.order(org, last, 'FRAUD', S, {
      account,
      billing: fake,
      shipping: { name: writeName(rng, personName(rng)), address: shipTo },
      amount: rng.int(12, 48) * 10_000 - 20,
      payment: 'CARD',
      items: 1,
      ctx: { ip, device },
    });
    actors.push({ org, last, fake, shipTo, device });
  }
}

/** Small orders to find out which stolen card numbers still work. */
function cardTesting(w: World): void {
  const { rng } = w;
  const runs = [...Array<boolean>(w.count(2)).fill(false), ...Array<boolean>(w.count(1)).fill(true)];
  for (const careful of runs) {
    const S = careful ? 'order.card_testing:careful' : 'order.card_testing';
    const org: Org = rng.chance(0.7) ? 'A' : 'B';
    // A script on the checkout API sends no fingerprint at all; one in a browser sends the same one each time.
    const scripted = careful || rng.chance(0.3);
    const device: Partial<Device> = scripted ? { userAgent: careful ? UA.windows : rng.pick([UA.python, UA.windows]) } : newDevice(rng, 'windows');
    const ips = Array.from({ length: rng.int(1, 2) }, () => fraudIp(rng, 'abroad'));
    let at = w.when(w.randomDay(), 'any');
    for (let k = careful ? rng.int(12, 18) : rng.int(12, 24); k > 0; k--) {
      at += careful ? rng.int(5, 25) * MINUTE : rng.int(30, 180) * 1000;
      const fake = fakeIdentity(w, careful ? 'free' : 'random', 'honest');
      w.order(org, at, 'FRAUD', S, {
        billing: { name: careful || rng.chance(0.5) ? fake.name : `${letters(rng, 5)} ${letters(rng, 6)}`, email: fake.email, address: rng.chance(0.6) ? fake.address : undefined },
        amount: rng.int(1, 5) * 100 + (careful ? 80 : 0),
        payment: 'CARD',
        items: 1,
        ctx: { ip: careful ? fraudIp(rng, 'home') : rng.pick(ips), device },
      });
    }
  }
}

/** Caught once, back a week later with everything new but one thing they could not replace. */
function returning(w: World, actors: Actor[]): void {
  const { rng } = w;
  const S = 'order.returning';
  for (let i = w.count(8); i > 0 && actors.length > 0; i--) {
    const a = rng.pick(actors);
    let at = a.last + rng.int(5, 12) * DAY;
    if (at >= w.end) continue;
    const reuse = rng.weighted([['phone', 35], ['address', 30], ['device', 20], ['email', 15]] as const);
    const fresh = fakeIdentity(w, 'random', 'prepaid');
    const fake = { ...fresh, phone: reuse === 'phone' ? a.fake.phone : fresh.phone, email: reuse === 'email' ? a.fake.email : fresh.email };
    const device = reuse === 'device' ? a.device : newDevice(rng, rng.pick(['android', 'iphone'] as const));
    const ctx = { ip: fraudIp(rng, rng.chance(0.5) ? 'home' : 'mobile'), device };
    const account = rng.chance(0.5) ? signupAs(w, a.org, at, S, fake, ctx) : null;
    for (let k = rng.int(1, 2); k > 0; k--) {
      at += rng.int(10, 600) * MINUTE;
      w.order(a.org, at, 'FRAUD', S, {
        account,
        billing: fake,
        shipping: { name: fake.name, address: reuse === 'address' ? a.shipTo : dropAddress(rng) },
        amount: w.amount(a.org, 2.5),
        payment: 'DEFERRED',
        ctx,
      });
    }
  }
}

/**
 * Account and review abuse (what O-MOTION-type services and review moderation are sold
 * against): bot sign-ups, account farms, credential stuffing, account takeover, review rings,
 * a competitor's one-star campaign, paid-for reviews, and a ring that goes on to order.
 */
import { ADDRESS_STYLES, botBehavior, emailFor, homeAddress, humanBehavior, ipIn, mobileIp, NETWORKS, newDevice, personName, phoneNumber, UA, writeAddress, writeName, writePhone, type Device, type Rng } from './fraudPeople.ts';
import { login } from './fraudHonest.ts';
import { dropAddress, fakeIdentity, fraudIp } from './fraudOrders.ts';
import { COMPLAINTS, honestText, nickname, ringTexts } from './fraudTexts.ts';
import { DAY, HOUR, MINUTE, type Account, type Context, type Org, type World } from './fraudWorld.ts';

export function abuse(w: World): void {
  botSignups(w);
  accountFarms(w);
  credentialStuffing(w);
  takeovers(w);
  reviewRings(w);
  competitorCampaign(w);
  incentivized(w);
}

function botSignups(w: World): void {
  const { rng } = w;
  const waves = [...Array<boolean>(w.count(2)).fill(false), ...Array<boolean>(w.count(1)).fill(true)];
  for (const [n, stealth] of waves.entries()) {
    const S = stealth ? 'access.bot_signup:careful' : 'access.bot_signup';
    const org: Org = n % 2 === 0 ? 'A' : 'B';
    const ua = rng.chance(0.5) ? UA.headless : UA.windows;
    // A naive bot keeps one browser profile; a stealth kit fakes a new device every time.
    const profile: Device = { ...newDevice(rng, 'windows'), userAgent: ua };
    const ips = Array.from({ length: rng.int(2, 3) }, () => fraudIp(rng, rng.chance(0.5) ? 'abroad' : 'jpCloud'));
    let at = w.when(w.randomDay(), 'any');
    for (let k = stealth ? rng.int(12, 18) : rng.int(12, 20); k > 0; k--) {
      at += stealth ? rng.int(15, 50) * MINUTE : rng.int(2, 8) * MINUTE;
      const device = stealth ? newDevice(rng, rng.pick(['iphone', 'windows'] as const)) : rng.chance(0.7) ? profile : { ...profile, id: `fp_${rng.hex(20)}` };
      const name = personName(rng);
      const email = stealth ? emailFor(rng, name, rng.pick(['gmail.com', 'yahoo.co.jp'])) : fakeIdentity(w, rng.chance(0.4) ? 'disposable' : 'random', 'prepaid').email;
      w.signup(org, at, 'FRAUD', S, {
        accountId: w.id(`${org}-u`),
        person: {
          name: stealth || rng.chance(0.6) ? writeName(rng, name) : `${name.family[2]} ${name.given[2]}`,
          email: w.uniqueEmail(() => email),
          phone: rng.chance(0.5) ? writePhone(rng, phoneNumber(rng, '070')) : undefined,
        },
        ctx: { ip: stealth ? fraudIp(rng, 'home') : rng.pick(ips), device, behavior: botBehavior(rng, 'signup', stealth ? 'stealth' : 'naive', device.userAgent) },
      });
    }
  }
}

const dotted = (rng: Rng, local: string) => {
  const at = rng.int(1, local.length - 1);
  return `${local.slice(0, at)}.${local.slice(at)}`;
};

/** One person with one phone making accounts by hand for first-order coupons, sent to one flat. */
function accountFarms(w: World): void {
  const { rng } = w;
  const S = 'access.account_farm';
  for (let f = w.count(2); f > 0; f--) {
    const org: Org = rng.chance(0.6) ? 'A' : 'B';
    const phone = newDevice(rng, 'android');
    const home = homeAddress(rng);
    const mailbox = `${personName(rng).given[2]}${rng.int(100, 999)}`;
    const voip = writePhone(rng, phoneNumber(rng, '050'));
    let at = w.when(w.randomDay(0, w.days - 4));
    for (let k = rng.int(7, 12); k > 0; k--) {
      at += rng.int(10, 300) * MINUTE;
      const id = w.id(`${org}-u`);
      const email = rng.chance(0.4) ? `${dotted(rng, mailbox)}@gmail.com` : emailFor(rng, personName(rng));
      const b = humanBehavior(rng, 'signup', true, false);
      const ctx: Context = { ip: mobileIp(rng), device: phone };
      const address = rng.chance(0.6) ? writeAddress(home, rng.pick(ADDRESS_STYLES)) : undefined;
      const name = writeName(rng, personName(rng));
      w.signup(org, at, 'FRAUD', S, {
        accountId: id,
        person: { name, email: w.uniqueEmail(() => email), phone: rng.chance(0.4) ? voip : undefined, address },
        ctx: { ...ctx, behavior: { ...b, pasteCount: rng.int(2, 5), elapsedMs: rng.int(15_000, 40_000) } },
      });
      if (rng.chance(0.5)) w.login(org, at + rng.int(1, 48) * HOUR, 'FRAUD', S, { accountId: id, email, succeeded: true, ctx: { ...ctx, behavior: humanBehavior(rng, 'login', true, true) } });
      if (rng.chance(0.5)) {
        w.order(org, at + rng.int(5, 120) * MINUTE, 'FRAUD', S, {
          account: { id, createdAt: at },
          billing: { name, email, address: writeAddress(home, rng.pick(ADDRESS_STYLES)) },
          amount: w.amount(org, 0.6),
          payment: rng.pick(['CARD', 'WALLET', 'COD'] as const),
          ctx,
        });
      }
    }
  }
}

/** Leaked email/password pairs tried against the login API: many accounts, mostly failures. */
function credentialStuffing(w: World): void {
  const { rng } = w;
  const campaigns = [...Array<boolean>(w.count(1)).fill(false), ...Array<boolean>(w.count(1)).fill(true)];
  for (const careful of campaigns) {
    const S = careful ? 'access.credential_stuffing:careful' : 'access.credential_stuffing';
    const org: Org = careful ? 'B' : 'A';
    const ips = Array.from({ length: 3 }, () => fraudIp(rng, 'abroad'));
    const ua = careful ? UA.windows : rng.pick([UA.python, UA.go, UA.windows]);
    let at = w.when(w.randomDay(2), 'any');
    for (let k = careful ? rng.int(25, 32) : rng.int(40, 55); k > 0; k--) {
      at += careful ? rng.int(5, 20) * MINUTE : rng.int(20, 90) * 1000;
      const victim = rng.chance(careful ? 0.7 : 0.65) && w.customers[org].length > 0 ? rng.pick(w.customers[org]) : null;
      if (victim) w.attacked.set(`${org}|${victim.id}`, Math.min(at, w.attacked.get(`${org}|${victim.id}`) ?? Infinity));
      w.login(org, at, 'FRAUD', S, {
        accountId: victim?.id ?? w.id(`${org}-u`),
        email: victim?.persona.email ?? fakeIdentity(w, 'free', 'honest').email,
        succeeded: victim !== null && rng.chance(careful ? 0.06 : 0.05),
        ctx: { ip: careful ? fraudIp(rng, 'home') : rng.pick(ips), device: { userAgent: ua } },
      });
    }
  }
}

const ATTACKER_LOCALES = [
  { language: 'vi-VN', timezone: 'Asia/Ho_Chi_Minh', network: NETWORKS.VN },
  { language: 'zh-CN', timezone: 'Asia/Shanghai', network: NETWORKS.CN },
  { language: 'en-US', timezone: 'America/New_York', network: NETWORKS.cloudAbroad },
  { language: 'ja-JP', timezone: 'Asia/Tokyo', network: NETWORKS.cloudAbroad },
] as const;

/** A phished password used minutes after the owner logged in, then the saved card spent. */
function takeovers(w: World): void {
  const { rng } = w;
  const cases = [...Array<boolean>(w.count(7)).fill(false), ...Array<boolean>(w.count(4)).fill(true)];
  for (const careful of cases) {
    const S = careful ? 'access.takeover:careful' : 'access.takeover';
    const org: Org = rng.chance(0.7) ? 'A' : 'B';
    if (w.customers[org].length === 0) continue;
    const victim: Account = rng.pick(w.customers[org]);
    const p = victim.persona;
    let at = w.when(w.randomDay(1, w.days - 2));
    if (!careful) login(w, victim, at, { ip: w.homeIp(p, at), device: p.devices[0]! }, 'honest.takeover_victim');
    at += rng.int(5, 90) * MINUTE;
    const locale = careful ? { language: 'ja-JP', timezone: 'Asia/Tokyo', network: NETWORKS.jpHome } : rng.pick(ATTACKER_LOCALES);
    const device = newDevice(rng, careful ? 'iphone' : 'windows', locale);
    const ctx: Context = { ip: ipIn(rng, locale.network), device };
    w.attacked.set(`${org}|${victim.id}`, Math.min(at, w.attacked.get(`${org}|${victim.id}`) ?? Infinity));
    for (let f = !careful && rng.chance(0.3) ? rng.int(1, 2) : 0; f > 0; f--) {
      w.login(org, at - f * MINUTE, 'FRAUD', S, { accountId: victim.id, email: p.email, succeeded: false, ctx: { ...ctx, behavior: humanBehavior(rng, 'login', device.mobile, false) } });
    }
    w.login(org, at, 'FRAUD', S, { accountId: victim.id, email: p.email, succeeded: true, ctx: { ...ctx, behavior: humanBehavior(rng, 'login', device.mobile, false) } });
    if (rng.chance(careful ? 0.75 : 0.7)) {
      const mule = rng.chance(0.5);
      w.order(org, at + rng.int(5, 40) * MINUTE, 'FRAUD', S, {
        account: victim,
        billing: { name: p.written, email: p.email, phone: p.phone, address: p.addressLine },
        shipping: { name: careful && !mule ? p.written : writeName(rng, personName(rng)), address: mule ? writeAddress(homeAddress(rng), 'dash') : dropAddress(rng) },
        amount: w.amount(org, rng.logNormal(careful ? 2 : 3, 0.3)),
        payment: 'CARD',
        ctx,
      });
    }
  }
}

/** Paid five-star copies from a handful of phones, in one afternoon; later the same phones order. */
function reviewRings(w: World): void {
  const { rng } = w;
  for (let r = w.count(1); r > 0; r--) {
    const members = Array.from({ length: rng.int(8, 10) }, () => ({ id: `site:${w.id('v')}`, name: nickname(rng) }));
    const phones = Array.from({ length: 3 }, () => newDevice(rng, rng.chance(0.5) ? 'android' : 'iphone'));
    const office = fraudIp(rng, 'home');
    const write = ringTexts(rng, 5);
    const day = w.randomDay(4, w.days - 8);
    for (const [store, share, offset] of [['A-S05', 1, 0], ['A-S07', 0.6, 2]] as const) {
      for (const [i, m] of members.entries()) {
        if (!rng.chance(share)) continue;
        const ctx = { ip: rng.chance(0.5) ? office : mobileIp(rng), device: phones[i % phones.length]! };
        w.review('A', w.when(day + offset) + rng.int(0, 6 * HOUR) - 6 * HOUR, 'FRAUD', 'review.ring', { store, rating: 5, text: write(rng), reviewer: m, ctx });
      }
    }
    const drop = dropAddress(rng);
    let at = w.when(day + rng.int(3, 5));
    for (let k = rng.int(3, 5); k > 0; k--) {
      at += rng.int(1, 20) * HOUR;
      const fake = fakeIdentity(w, 'random', 'prepaid');
      w.order('A', at, 'FRAUD', 'order.ring_orders', { billing: fake, shipping: { name: fake.name, address: rng.chance(0.6) ? drop : fake.address }, amount: w.amount('A', 2), payment: 'DEFERRED', ctx: { ip: mobileIp(rng), device: rng.pick(phones) } });
    }
  }
  // A second ring posts on a platform, which passes on no device or network at all.
  for (let r = w.count(1); r > 0; r--) {
    const rating = rng.chance(0.5) ? 5 : 1;
    const write = ringTexts(rng, rating);
    const start = w.when(w.randomDay(2, w.days - 2));
    for (let k = rng.int(7, 10); k > 0; k--) {
      w.review('A', start + rng.int(0, 12 * HOUR), 'FRAUD', 'review.ring_platform', { store: 'A-S10', rating, text: write(rng), reviewer: { id: `gmaps:${rng.hex(18)}`, name: nickname(rng) } });
    }
  }
}

/** A rival's staff, each on their own phone, each writing their own complaint, over a few days. */
function competitorCampaign(w: World): void {
  const { rng } = w;
  for (let c = w.count(1); c > 0; c--) {
    const start = w.randomDay(8, w.days - 4);
    const texts = [...COMPLAINTS].sort(() => rng.next() - 0.5);
    for (let k = rng.int(6, 9); k > 0; k--) {
      const at = w.when(start + rng.int(0, 2));
      const platform = rng.chance(0.6);
      const ctx = platform ? undefined : { ip: rng.chance(0.5) ? mobileIp(rng) : fraudIp(rng, 'home'), device: newDevice(rng, rng.chance(0.5) ? 'iphone' : 'android') };
      w.review('B', at, 'FRAUD', 'review.competitor_1star', {
        store: 'B-S03',
        rating: rng.chance(0.8) ? 1 : 2,
        text: texts[k % texts.length]!,
        reviewer: { id: platform ? `gmaps:${rng.hex(18)}` : `site:${w.id('v')}`, name: nickname(rng) },
        ctx,
      });
    }
  }
}

/** "A free drink for a five-star review": real customers, on the store's Wi-Fi, against the platforms' rules. */
function incentivized(w: World): void {
  const { rng } = w;
  for (let c = w.count(1); c > 0; c--) {
    const wifi = ipIn(rng, NETWORKS.jpHome);
    const start = w.randomDay(3, w.days - 4);
    for (let k = rng.int(10, 14); k > 0; k--) {
      const at = w.start + (start + rng.int(0, 2)) * DAY + rng.int(11, 20) * HOUR + rng.int(0, HOUR);
      const rating = rng.chance(0.85) ? 5 : 4;
      const platform = rng.chance(0.4);
      w.review('A', at, 'FRAUD', 'review.incentivized', {
        store: 'A-S03',
        rating,
        text: honestText(rng, rating),
        reviewer: { id: platform ? `gmaps:${rng.hex(18)}` : `site:${w.id('v')}`, name: nickname(rng) },
        ctx: platform ? undefined : { ip: wifi, device: newDevice(rng, rng.chance(0.6) ? 'iphone' : 'android') },
      });
    }
  }
}

/**
 * What honest customers do in the simulated month, including everything that looks odd and is
 * not fraud: gifts, hotels, office VPNs, shared tablets, trips abroad, forgotten passwords,
 * short reviews that everyone writes, and the bursts a store's opening or a TV feature brings.
 */
import { ADDRESS_STYLES, homeAddress, honestPhone, humanBehavior, ipIn, mobileIp, NETWORKS, newDevice, personName, pickupPoint, writeAddress, writeName, writePhone, type Device, type Rng } from './fraudPeople.ts';
import { honestRating, honestText, nickname } from './fraudTexts.ts';
import { DAY, HOUR, MINUTE, SHOPS, type Account, type Context, type Org, type Party, type Payment, type World } from './fraudWorld.ts';

interface Traits {
  traveller: boolean;
  /** Travels for work and has parcels sent to the hotel. */
  business: boolean;
  /** Orders from a work laptop behind the company's cloud proxy during office hours. */
  office: { laptop: Device; ip: string } | null;
  tablet: Device | null;
}

const NO_TRAITS: Traits = { traveller: false, business: false, office: null, tablet: null };

export function honestActivity(w: World): void {
  // A handful of companies whose staff shop from the office: one egress address each.
  const offices = Array.from({ length: 8 }, () => ipIn(w.rng, NETWORKS.jpCloud));
  for (const org of ['A', 'B'] as const) {
    existingCustomers(w, org, offices);
    for (let i = w.count(SHOPS[org].newCustomers); i > 0; i--) newCustomer(w, org, w.when(w.randomDay()), 'honest.new_customer');
    storeReviews(w, org);
  }
  localGuides(w);
  openingWeek(w);
  tvFeature(w);
}

function existingCustomers(w: World, org: Org, offices: string[]): void {
  const { rng } = w;
  let remaining = w.count(SHOPS[org].customers);
  while (remaining > 0) {
    const size = rng.chance(0.05) ? rng.int(2, 3) : 1;
    const first = w.persona();
    const tablet = size > 1 ? newDevice(rng, 'ipad') : null;
    for (let i = 0; i < size && remaining > 0; i++, remaining--) {
      const persona = i === 0 ? first : w.persona({ family: first.name.family, home: first.home, homeIps: first.homeIps });
      const account: Account = { org, id: w.id(`${org}-u`), createdAt: w.start - rng.int(20, 1500) * DAY, persona };
      w.customers[org].push(account);
      const office = rng.chance(0.1) ? { laptop: newDevice(rng, 'windows'), ip: rng.pick(offices) } : null;
      live(w, account, { traveller: rng.chance(0.03), business: rng.chance(0.05), office, tablet });
    }
  }
}

function live(w: World, account: Account, traits: Traits): void {
  const { rng } = w;
  const trip = traits.traveller ? travel(w, account) : null;
  const away = (at: number) => trip !== null && at >= trip.from && at < trip.to;
  for (let i = rng.poisson(rng.logNormal(0.55, 1.0)); i > 0; i--) {
    const at = w.when(w.randomDay());
    if (!away(at)) session(w, account, traits, at, true);
  }
  for (let i = rng.poisson(rng.logNormal(0.9, 0.9)); i > 0; i--) {
    const at = w.when(w.randomDay());
    if (!away(at)) session(w, account, traits, at, false);
  }
}

function isOfficeHours(at: number): boolean {
  const local = new Date(at + 9 * HOUR);
  const day = local.getUTCDay();
  return day >= 1 && day <= 5 && local.getUTCHours() >= 9 && local.getUTCHours() < 18;
}

function session(w: World, account: Account, traits: Traits, at: number, orders: boolean): void {
  const { rng } = w;
  const p = account.persona;
  let device = rng.chance(0.65) || p.devices.length === 1 ? p.devices[0]! : p.devices[1]!;
  let ip = device.mobile && rng.chance(0.45) ? mobileIp(rng) : w.homeIp(p, at);
  let scenario = 'honest.repeat';
  if (traits.tablet && rng.chance(0.4)) {
    device = traits.tablet;
    ip = w.homeIp(p, at);
    scenario = 'honest.family_tablet';
  } else if (traits.office && isOfficeHours(at) && rng.chance(0.7)) {
    device = traits.office.laptop;
    ip = traits.office.ip;
    scenario = 'honest.corporate_vpn';
  }
  // Cleared cookies, a new browser version: fingerprint ids are not forever.
  if (rng.chance(0.02)) device.id = `fp_${rng.hex(20)}`;
  if (!orders) return login(w, account, at, { ip, device }, scenario);
  if (rng.chance(0.5)) login(w, account, at - rng.int(1, 20) * MINUTE, { ip, device }, scenario);
  order(w, account, at, { ip, device }, scenario, traits);
}

function withBehavior(rng: Rng, ctx: Context, form: 'signup' | 'login', autofill: boolean): Context {
  // The collector script does not always run: blockers, old browsers, a page that failed to load.
  if (rng.chance(0.08)) return ctx;
  return { ...ctx, behavior: humanBehavior(rng, form, ctx.device?.mobile ?? false, autofill) };
}

export function login(w: World, account: Account, at: number, ctx: Context, scenario: string): void {
  const { rng } = w;
  const failures = rng.chance(0.07) ? rng.weighted([[1, 60], [2, 25], [3, 10], [4, 3], [5, 2]] as const) : 0;
  const base = { accountId: account.id, email: account.persona.email };
  for (let i = failures; i > 0; i--) {
    w.login(account.org, at - i * rng.int(20, 70) * 1000, 'LEGITIMATE', 'honest.login_mistyped', { ...base, succeeded: false, ctx: withBehavior(rng, ctx, 'login', false) });
  }
  w.login(account.org, at, 'LEGITIMATE', failures > 0 ? 'honest.login_mistyped' : scenario, { ...base, succeeded: true, ctx: withBehavior(rng, ctx, 'login', rng.chance(0.45)) });
}

const HOTELS = [
  '東京都新宿区歌舞伎町1-20-1 アパホテル〈新宿歌舞伎町タワー〉 1812号室',
  '東京都港区高輪3-23-2 東横INN品川駅高輪口 宿泊者',
  '大阪府大阪市北区曽根崎2-3-5 ドーミーイン梅田 宿泊',
  '愛知県名古屋市中村区名駅4-5-27 ダイワロイネットホテル名古屋駅前 1105',
  '福岡県福岡市博多区博多駅前3-25-8 リッチモンドホテル博多駅前 宿泊者様',
  '北海道札幌市中央区北五条西6-2 三井ガーデンホテル札幌 フロント気付',
  '宮城県仙台市青葉区中央4-10-8 スーパーホテル仙台 702号室',
  '広島県広島市南区松原町3-1 コンフォートホテル広島 フロント預かり',
  '東京都中央区日本橋小伝馬町2-5 ウィークリーマンション日本橋 305',
  '大阪府大阪市中央区難波5-1-60 1208号室',
];

function order(w: World, account: Account, at: number, ctx: Context, scenario: string, traits: Traits): void {
  const { rng } = w;
  const p = account.persona;
  let shipping: Party | undefined;
  let amount = w.amount(account.org);
  let items: number | undefined;
  if (traits.business && rng.chance(0.35)) {
    shipping = { name: p.written, phone: p.phone, address: rng.pick(HOTELS) };
    scenario = 'honest.hotel';
  } else if (rng.chance(0.05)) {
    // Out all day: the parcel waits at a convenience store, a depot or a locker near home.
    shipping = { name: p.written, phone: p.phone, address: pickupPoint(rng, p.home) };
    scenario = 'honest.pickup';
  } else if (rng.chance(0.07)) {
    // Parents and siblings share the family name; friends do not.
    const recipient = personName(rng, rng.chance(0.5) ? p.name.family : undefined);
    shipping = { name: writeName(rng, recipient), phone: rng.chance(0.5) ? writePhone(rng, honestPhone(rng)) : undefined, address: writeAddress(homeAddress(rng), 'dash') };
    scenario = 'honest.gift';
  }
  if (rng.chance(0.012)) {
    // Year-end gifts for a whole office, a family's new appliances: rare, large and honest.
    amount = w.amount(account.org, rng.logNormal(12, 0.4));
    items = 1;
    scenario = 'honest.large_order';
  }
  const payment: Payment = rng.chance(0.9) ? p.payment : rng.pick(['CARD', 'WALLET', 'CONVENIENCE_STORE'] as const);
  w.order(account.org, at, 'LEGITIMATE', scenario, {
    account: rng.chance(0.9) ? account : null,
    billing: { name: p.written, email: p.email, phone: p.phone, address: rng.chance(0.85) ? p.addressLine : writeAddress(p.home, rng.pick(ADDRESS_STYLES)) },
    shipping,
    amount,
    payment,
    items,
    ctx,
  });
}

const DESTINATIONS = [
  { zone: 'Pacific/Honolulu', network: NETWORKS.US, hours: 7, weight: 22 },
  { zone: 'Asia/Seoul', network: NETWORKS.KR, hours: 2.5, weight: 20 },
  { zone: 'Asia/Taipei', network: NETWORKS.TW, hours: 4, weight: 18 },
  { zone: 'Asia/Bangkok', network: NETWORKS.TH, hours: 7, weight: 10 },
  { zone: 'America/Los_Angeles', network: NETWORKS.US, hours: 10, weight: 10 },
  { zone: 'America/New_York', network: NETWORKS.US, hours: 13, weight: 5 },
  { zone: 'Europe/Paris', network: NETWORKS.FR, hours: 14, weight: 5 },
  { zone: 'Europe/London', network: NETWORKS.GB, hours: 14.5, weight: 4 },
  { zone: 'Europe/Berlin', network: NETWORKS.DE, hours: 13.5, weight: 4 },
] as const;

/** A trip abroad: a login at the airport, the flight, logins from the hotel, home again. */
function travel(w: World, account: Account): { from: number; to: number } {
  const { rng } = w;
  const dest = rng.weighted(DESTINATIONS.map((d) => [d, d.weight] as const));
  const phone = account.persona.devices[0]!;
  const departure = w.when(w.randomDay(1, w.days - 5));
  const back = departure + rng.int(3, 9) * DAY;
  login(w, account, departure - rng.int(60, 180) * MINUTE, { ip: mobileIp(rng), device: phone }, 'honest.abroad');
  // Roaming on a Japanese SIM still leaves from a Japanese carrier; a local eSIM or the hotel's
  // Wi-Fi does not. Phones move to the local time zone by themselves, mostly.
  const roaming = rng.chance(0.35);
  const abroad: Context = { device: { ...phone, timezone: rng.chance(0.85) ? dest.zone : phone.timezone } };
  const hotelIp = ipIn(rng, dest.network);
  let at = departure + dest.hours * HOUR + rng.int(60, 480) * MINUTE;
  for (let i = rng.int(1, 4); i > 0 && at < back; i--) {
    const ctx = { ...abroad, ip: roaming ? mobileIp(rng) : rng.chance(0.7) ? hotelIp : ipIn(rng, dest.network) };
    if (rng.chance(0.3)) {
      const p = account.persona;
      w.order(account.org, at, 'LEGITIMATE', 'honest.abroad', { account, billing: { name: p.written, email: p.email, phone: p.phone, address: p.addressLine }, amount: w.amount(account.org), payment: 'CARD', ctx });
    } else login(w, account, at, ctx, 'honest.abroad');
    at += rng.int(10, 60) * HOUR;
  }
  const home = back + dest.hours * HOUR + rng.int(1, 3) * DAY;
  login(w, account, home, { ip: w.homeIp(account.persona, home), device: phone }, 'honest.abroad');
  return { from: departure - 3 * HOUR, to: home + HOUR };
}

function newCustomer(w: World, org: Org, at: number, scenario: string): void {
  const { rng } = w;
  const p = w.persona();
  const account: Account = { org, id: w.id(`${org}-u`), createdAt: at, persona: p };
  const device = rng.chance(0.7) || p.devices.length === 1 ? p.devices[0]! : p.devices[1]!;
  const ctx: Context = { ip: device.mobile && rng.chance(0.5) ? mobileIp(rng) : w.homeIp(p, at), device };
  w.signup(org, at, 'LEGITIMATE', scenario, {
    accountId: account.id,
    person: { name: p.written, email: p.email, phone: rng.chance(0.8) ? p.phone : undefined, address: rng.chance(0.7) ? p.addressLine : undefined },
    ctx: withBehavior(rng, ctx, 'signup', rng.chance(0.3)),
  });
  if (rng.chance(0.75)) order(w, account, at + Math.min(rng.logNormal(2 * HOUR, 1.5), 5 * DAY), ctx, scenario, NO_TRAITS);
  for (let i = rng.poisson(0.6); i > 0; i--) {
    const later = at + rng.int(1, 20) * DAY + rng.int(0, DAY);
    if (rng.chance(0.5)) order(w, account, later, ctx, scenario, NO_TRAITS);
    else login(w, account, later, { ...ctx, ip: w.homeIp(p, later) }, scenario);
  }
}

function review(w: World, org: Org, store: string, at: number, lean: number, scenario: string): void {
  const { rng } = w;
  const rating = honestRating(rng, lean);
  const text = honestText(rng, rating);
  const tag = scenario === 'honest.review' && [...text].length < 15 ? 'honest.review.short' : scenario;
  // Most reviews are pulled from the platforms, which tell nothing about the reviewer's device;
  // those written on the shop's own site come with the collector's context.
  if (rng.chance(0.6)) {
    w.review(org, at, 'LEGITIMATE', tag, { store, rating, text, reviewer: { id: `gmaps:${rng.hex(18)}`, name: nickname(rng) } });
    return;
  }
  const customer = rng.chance(0.5) && w.customers[org].length > 0 ? rng.pick(w.customers[org]) : null;
  const device = customer ? customer.persona.devices[0]! : newDevice(rng, rng.chance(0.6) ? 'iphone' : 'android');
  const ip = customer && rng.chance(0.5) ? w.homeIp(customer.persona, at) : mobileIp(rng);
  w.review(org, at, 'LEGITIMATE', tag, { store, rating, text, reviewer: { id: `site:${customer?.id ?? w.id('v')}`, name: nickname(rng) }, ctx: { ip, device } });
}

function storeReviews(w: World, org: Org): void {
  const { rng } = w;
  for (let s = 1; s <= SHOPS[org].stores; s++) {
    const store = `${org}-S${String(s).padStart(2, '0')}`;
    const rate = rng.logNormal(SHOPS[org].reviewsPerStoreDay, 0.4) * w.scale;
    const lean = Math.max(-1, Math.min(1, rng.normal() * 0.3));
    for (let day = 0; day < w.days; day++) for (let k = rng.poisson(rate); k > 0; k--) review(w, org, store, w.when(day), lean, 'honest.review');
  }
}

/** Google Local Guides and the like: prolific, honest, several stores a week. */
function localGuides(w: World): void {
  const { rng } = w;
  for (let g = w.count(8); g > 0; g--) {
    const reviewer = { id: `gmaps:${rng.hex(18)}`, name: nickname(rng) };
    const first = w.randomDay(0, w.days - 7);
    const stores = new Set<number>();
    for (let k = rng.int(3, 7); k > 0; k--) stores.add(rng.int(1, SHOPS.A.stores));
    for (const s of stores) {
      const rating = honestRating(rng);
      w.review('A', w.when(first + rng.int(0, 5)), 'LEGITIMATE', 'honest.review.local_guide', { store: `A-S${String(s).padStart(2, '0')}`, rating, text: honestText(rng, rating), reviewer });
    }
  }
}

/** A new store's first week: friends, neighbours and the curious all review at once. */
function openingWeek(w: World): void {
  const { rng } = w;
  const opening = 9;
  for (let day = opening; day < w.days; day++) {
    const first = day < opening + 7;
    for (let k = rng.poisson((first ? 7 : 1.2) * w.scale); k > 0; k--) review(w, 'A', 'A-S13', w.when(day), 0.4, first ? 'honest.burst.opening' : 'honest.review');
  }
}

/** A TV programme features B's shop: sign-ups and orders that evening, reviews of its store after. */
function tvFeature(w: World): void {
  const { rng } = w;
  const broadcast = w.start + 19 * DAY + 21 * HOUR;
  for (let i = w.count(35); i > 0; i--) newCustomer(w, 'B', broadcast + rng.int(0, 6 * HOUR), 'honest.burst.tv');
  for (let day = 20; day < 22; day++) for (let k = rng.poisson(9 * w.scale); k > 0; k--) review(w, 'B', 'B-S02', w.when(day), 0.3, 'honest.burst.tv');
}

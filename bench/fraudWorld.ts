/**
 * The simulated month the fraud evaluation replays: two shops, their customers, the clock, and
 * the builders that turn what a person does into the screening input a merchant would send.
 * Every input goes through the engine's own schemas (src/fraud/inputs.ts), so the data set
 * cannot drift from what the engine accepts.
 */
import { loginSchema, orderSchema, reviewSchema, signupSchema, type PAYMENT_METHODS, type ScreeningInput } from '../src/fraud/inputs.ts';
import type { BehaviorSummary } from '../src/fraud/intel/behavior.ts';
import {
  ADDRESS_STYLES, emailFor, homeAddress, honestPhone, ipIn, newDevice, NETWORKS, personName, writeAddress, writeName, writePhone,
  type AddressStyle, type Device, type Home, type PersonName, type Rng,
} from './fraudPeople.ts';

export type Org = 'A' | 'B';
export type Label = 'FRAUD' | 'LEGITIMATE';
export type Payment = (typeof PAYMENT_METHODS)[number];

export interface EvalEvent {
  at: Date;
  org: Org;
  screening: ScreeningInput;
  label: Label;
  /** What the event is part of, e.g. "honest.repeat" or "order.reshipper"; ":careful" marks fraud built to look honest. */
  scenario: string;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A's shop sells everyday goods; B is a cosmetics brand with fewer, larger orders. B shares negative data. */
export const SHOPS = {
  A: { customers: 950, newCustomers: 150, amountMedian: 4200, amountSigma: 0.8, stores: 12, reviewsPerStoreDay: 1.3, sendsLoginEmail: true },
  B: { customers: 400, newCustomers: 60, amountMedian: 6800, amountSigma: 0.55, stores: 5, reviewsPerStoreDay: 1.8, sendsLoginEmail: false },
} as const;

export interface Persona {
  name: PersonName;
  /** The name as this person usually types it (browsers autofill the same string). */
  written: string;
  email: string;
  phone: string;
  home: Home;
  addressStyle: AddressStyle;
  addressLine: string;
  devices: Device[];
  /** The household's dynamic IP, re-leased every ten days or so. */
  homeIps: string[];
  payment: Payment;
}

export interface Account {
  org: Org;
  id: string;
  createdAt: number;
  persona: Persona;
}

export interface Party {
  name?: string;
  email?: string;
  phone?: string;
  address?: string;
}

export interface Context {
  ip?: string | null;
  device?: Partial<Device> | null;
  behavior?: BehaviorSummary;
}

// When people shop and log in, by hour of the day (JST): evenings, then lunch.
const SHOPPING_HOURS = [3, 2, 1, 0.5, 0.5, 0.7, 1.5, 3, 4, 4, 5, 5, 7, 6, 5, 5, 5, 5, 6, 7, 9, 10, 9, 6];

export class World {
  readonly events: EvalEvent[] = [];
  /** Accounts an attacker tried, and when first: what their owners do afterwards is tagged apart. */
  readonly attacked = new Map<string, number>();
  readonly customers: Record<Org, Account[]> = { A: [], B: [] };
  private sequence = 0;
  private readonly emails = new Set<string>();

  constructor(
    readonly rng: Rng,
    /** Midnight JST of the first simulated day, ms since the epoch. */
    readonly start: number,
    readonly days: number,
    /** Events asked for / 6,000: populations and campaigns scale with it. */
    readonly scale: number,
  ) {}

  get end(): number {
    return this.start + this.days * DAY;
  }

  /** A scaled count, rounded at random so small campaigns still happen at small scales. */
  count(n: number): number {
    const x = n * this.scale;
    return Math.floor(x) + (this.rng.chance(x - Math.floor(x)) ? 1 : 0);
  }

  /** A moment on simulated day `day` at an hour people are online. */
  when(day: number, hours: 'shopping' | 'any' = 'shopping'): number {
    const hour = hours === 'any' ? this.rng.int(0, 23) : this.rng.weighted(SHOPPING_HOURS.map((w, h) => [h, w] as const));
    return this.start + Math.floor(day) * DAY + hour * HOUR + this.rng.int(0, HOUR - 1);
  }

  randomDay(from = 0, to = this.days - 1): number {
    return this.rng.int(from, to);
  }

  id(prefix: string): string {
    return `${prefix}${(++this.sequence).toString(36).padStart(5, '0')}`;
  }

  uniqueEmail(make: () => string): string {
    let email = make();
    while (this.emails.has(email)) email = email.replace('@', `${this.rng.int(0, 9)}@`);
    this.emails.add(email);
    return email;
  }

  persona(options: { family?: PersonName['family']; home?: Home; homeIps?: string[] } = {}): Persona {
    const { rng } = this;
    const name = personName(rng, options.family);
    const home = options.home ?? homeAddress(rng);
    const addressStyle = rng.weighted<AddressStyle>(ADDRESS_STYLES.map((s) => [s, s === 'dash' ? 40 : 10] as const));
    // About 6 in 10 smartphones in Japan are iPhones.
    const devices = [newDevice(rng, rng.chance(0.6) ? 'iphone' : 'android')];
    if (rng.chance(0.5)) devices.push(newDevice(rng, rng.chance(0.6) ? 'windows' : 'mac'));
    const isp = rng.pick(NETWORKS.jpHome);
    return {
      name,
      written: writeName(rng, name),
      email: this.uniqueEmail(() => emailFor(rng, name)),
      phone: writePhone(rng, honestPhone(rng)),
      home,
      addressStyle,
      addressLine: writeAddress(home, addressStyle),
      devices,
      homeIps: options.homeIps ?? Array.from({ length: 4 }, () => ipIn(rng, [isp])),
      payment: rng.weighted<Payment>([['CARD', 50], ['DEFERRED', 17], ['WALLET', 12], ['CONVENIENCE_STORE', 8], ['COD', 6], ['BANK_TRANSFER', 4], ['OTHER', 3]]),
    };
  }

  homeIp(p: Persona, at: number): string {
    return p.homeIps[Math.min(p.homeIps.length - 1, Math.floor((at - this.start) / (10 * DAY)))]!;
  }

  amount(org: Org, factor = 1): number {
    const shop = SHOPS[org];
    return Math.max(100, Math.round(this.rng.logNormal(shop.amountMedian * factor, shop.amountSigma) / 10) * 10);
  }

  emit(org: Org, at: number, screening: ScreeningInput, label: Label, scenario: string): void {
    this.events.push({ at: new Date(at), org, screening, label, scenario });
  }

  order(org: Org, at: number, label: Label, scenario: string, o: { account?: Account | { id: string; createdAt: number } | null; billing: Party; shipping?: Party; amount: number; payment: Payment; items?: number; ctx: Context }): void {
    const lines = o.items ?? this.rng.weighted([[1, 55], [2, 30], [3, 15]] as const);
    const items = Array.from({ length: lines }, (_, i) => {
      const quantity = i === 0 && o.amount < 1000 ? 1 : this.rng.weighted([[1, 80], [2, 15], [3, 5]] as const);
      return { sku: `${org}-${this.rng.int(1000, 1999)}`, quantity, unitPrice: Math.max(1, Math.round(o.amount / lines / quantity)) };
    });
    const input = orderSchema.parse({
      orderId: this.id(`${org}-o`),
      amount: items.reduce((s, i) => s + i.quantity * i.unitPrice, 0),
      currency: 'JPY',
      paymentMethod: o.payment,
      account: o.account ? { id: o.account.id, createdAt: new Date(o.account.createdAt) } : undefined,
      billing: party(o.billing),
      shipping: o.shipping ? party(o.shipping) : undefined,
      items,
      context: context(at, o.ctx),
    });
    this.emit(org, at, { kind: 'ORDER', input }, label, scenario);
  }

  signup(org: Org, at: number, label: Label, scenario: string, s: { accountId: string; person: Party; ctx: Context }): void {
    const input = signupSchema.parse({ requestId: this.id(`${org}-s`), accountId: s.accountId, person: party(s.person), context: context(at, s.ctx) });
    this.emit(org, at, { kind: 'SIGNUP', input }, label, scenario);
  }

  login(org: Org, at: number, label: Label, scenario: string, l: { accountId: string; email?: string; succeeded: boolean; ctx: Context }): void {
    const input = loginSchema.parse({
      requestId: this.id(`${org}-l`),
      accountId: l.accountId,
      email: SHOPS[org].sendsLoginEmail ? l.email : undefined,
      succeeded: l.succeeded,
      context: context(at, l.ctx),
    });
    this.emit(org, at, { kind: 'LOGIN', input }, label, scenario);
  }

  review(org: Org, at: number, label: Label, scenario: string, r: { store: string; rating: number; text: string; reviewer: { id: string; name?: string }; ctx?: Context }): void {
    const input = reviewSchema.parse({
      reviewId: this.id(`${org}-r`),
      locationKey: r.store,
      rating: r.rating,
      text: r.text,
      language: r.text === '' ? undefined : /[\u3040-\u30ff\u4e00-\u9fff]/.test(r.text) ? 'ja' : 'en',
      reviewer: r.reviewer,
      createdAt: new Date(at),
      context: context(at, r.ctx ?? {}),
    });
    this.emit(org, at, { kind: 'REVIEW', input }, label, scenario);
  }
}

function party(p: Party) {
  return { name: p.name, email: p.email, phone: p.phone, address: p.address ? { line: p.address } : undefined };
}

function context(at: number, c: Context) {
  const d = c.device;
  return {
    ip: c.ip ?? undefined,
    device: d ? { id: d.id, userAgent: d.userAgent, language: d.language, timezone: d.timezone } : undefined,
    behavior: c.behavior,
    occurredAt: new Date(at),
  };
}

import type { ScreeningKind } from '../model.ts';

/**
 * Every feature a rule can test: its type, the kinds that compute it and what it means. Rules
 * are validated against this list, so a rule naming a feature that does not exist, or one its
 * kind never computes, is refused when it is published rather than silently never firing.
 */
export interface FeatureSpec {
  type: 'number' | 'boolean' | 'string';
  kinds: readonly ScreeningKind[];
  description: string;
}

const ALL: readonly ScreeningKind[] = ['ORDER', 'SIGNUP', 'LOGIN', 'REVIEW'];
const ACCESS: readonly ScreeningKind[] = ['SIGNUP', 'LOGIN'];
const PEOPLE: readonly ScreeningKind[] = ['ORDER', 'SIGNUP'];

const common: Record<string, FeatureSpec> = {
  'list.blocked': { type: 'boolean', kinds: ALL, description: "An identity is on the organisation's block list." },
  'list.blocked_kinds': { type: 'string', kinds: ALL, description: 'Which identities are blocked, e.g. "EMAIL,DEVICE".' },
  'list.allowed': { type: 'boolean', kinds: ALL, description: "An identity is on the organisation's allow list." },
  'shared.reports': { type: 'number', kinds: ALL, description: 'Other organisations that confirmed fraud by one of these identities (shared negative database).' },
  'shared.modules': { type: 'string', kinds: ALL, description: 'The modules those reports came from.' },
  'flags.confirmed': { type: 'boolean', kinds: ALL, description: 'A person of this organisation confirmed fraud by one of these identities.' },
  'flags.other_modules': { type: 'string', kinds: ALL, description: 'Other modules where one of these identities was judged NG or confirmed fraud, e.g. "REVIEWS".' },
  'flags.other_module_count': { type: 'number', kinds: ALL, description: 'NG decisions in other modules behind the most-flagged of these identities.' },
  'flags.same_module_count': { type: 'number', kinds: ALL, description: 'Earlier NG decisions in this module behind the most-flagged of these identities.' },
  'ip.present': { type: 'boolean', kinds: ALL, description: 'An IP address was sent.' },
  'ip.country': { type: 'string', kinds: ALL, description: 'Country of the IP (ISO code), "" when unknown.' },
  'ip.overseas': { type: 'boolean', kinds: ALL, description: "The IP is outside the organisation's home country." },
  'ip.datacenter': { type: 'boolean', kinds: ALL, description: 'The IP belongs to a cloud or hosting provider.' },
  'ip.tor': { type: 'boolean', kinds: ALL, description: 'The IP is a Tor exit.' },
  'device.present': { type: 'boolean', kinds: ALL, description: 'A device fingerprint id was sent.' },
  'device.headless': { type: 'boolean', kinds: ALL, description: 'The browser is headless.' },
  'device.automation': { type: 'boolean', kinds: ALL, description: 'Browser automation (webdriver, Puppeteer, Playwright, Selenium).' },
  'device.bot_user_agent': { type: 'boolean', kinds: ALL, description: 'The user agent is a script or an HTTP library, or empty.' },
  'device.language_mismatch': { type: 'boolean', kinds: ALL, description: "The browser's language is not one spoken in the IP's country." },
  'device.timezone_mismatch': { type: 'boolean', kinds: ALL, description: "The browser's time zone is not in the IP's country." },
  'velocity.ip.1h': { type: 'number', kinds: ALL, description: 'Screenings of this kind from this IP in the last hour.' },
  'velocity.device.1h': { type: 'number', kinds: ALL, description: 'Screenings of this kind from this device in the last hour.' },
  'velocity.device.24h': { type: 'number', kinds: ALL, description: 'Screenings of this kind from this device in the last 24 hours.' },
  'email.invalid': { type: 'boolean', kinds: ALL, description: 'An email address could not be parsed.' },
  'email.disposable': { type: 'boolean', kinds: ALL, description: 'An email address is at a disposable-mail domain.' },
};

const access: Record<string, FeatureSpec> = {
  'behavior.present': { type: 'boolean', kinds: ACCESS, description: "Tenpo's browser script sent a behaviour summary." },
  'behavior.robotic_typing': { type: 'boolean', kinds: ACCESS, description: 'Keystrokes too fast or too regular for a person.' },
  'behavior.no_pointer': { type: 'boolean', kinds: ACCESS, description: 'The form was filled with no pointer movement.' },
  'behavior.straight_pointer': { type: 'boolean', kinds: ACCESS, description: 'Pointer paths are straight lines.' },
  'behavior.too_fast': { type: 'boolean', kinds: ACCESS, description: 'The form was filled faster than a person can.' },
  'behavior.pasted': { type: 'boolean', kinds: ACCESS, description: 'Values were pasted into the form.' },
  'graph.device.accounts.30d': { type: 'number', kinds: ACCESS, description: 'Accounts seen on this device in 30 days.' },
  'graph.account.devices.30d': { type: 'number', kinds: ['LOGIN'], description: 'Devices this account used in 30 days.' },
  'login.failed.account.1h': { type: 'number', kinds: ['LOGIN'], description: 'Failed logins to this account in the last hour.' },
  'login.failed.ip.1h': { type: 'number', kinds: ['LOGIN'], description: 'Failed logins from this IP in the last hour.' },
  'login.failed.shop.10m': { type: 'number', kinds: ['LOGIN'], description: 'Failed logins to any account of the shop in the last 10 minutes.' },
  'login.failed_wave_ratio': { type: 'number', kinds: ['LOGIN'], description: "Those 10 minutes' failed logins against the shop's usual pace over the day (1 = usual; at least one a day is assumed)." },
  'login.succeeded': { type: 'boolean', kinds: ['LOGIN'], description: 'The credentials were right.' },
  'login.new_device': { type: 'boolean', kinds: ['LOGIN'], description: 'The account never used this device before (30 days).' },
  'login.travel_kmh': { type: 'number', kinds: ['LOGIN'], description: "Speed needed to get from the last login's country to this one." },
  'login.impossible_travel': { type: 'boolean', kinds: ['LOGIN'], description: 'Faster than an airliner since the last login.' },
};

const people: Record<string, FeatureSpec> = {
  'phone.type': { type: 'string', kinds: PEOPLE, description: 'MOBILE, FIXED, VOIP, TOLL_FREE, OTHER, INVALID or "" when none was sent.' },
  'phone.voip': { type: 'boolean', kinds: PEOPLE, description: 'A phone number is a VoIP number (050 in Japan).' },
  'phone.invalid': { type: 'boolean', kinds: PEOPLE, description: 'A phone number is not a valid number.' },
  'velocity.email.24h': { type: 'number', kinds: PEOPLE, description: 'Screenings of this kind with this email in 24 hours.' },
  'velocity.phone.24h': { type: 'number', kinds: PEOPLE, description: 'Screenings of this kind with this phone in 24 hours.' },
  'velocity.address.24h': { type: 'number', kinds: PEOPLE, description: 'Screenings of this kind to this address in 24 hours.' },
  'graph.names_per_identity.30d': { type: 'number', kinds: PEOPLE, description: 'Most different names seen with one email, phone or address in 30 days.' },
};

const order: Record<string, FeatureSpec> = {
  'order.address_kind': { type: 'string', kinds: ['ORDER'], description: 'HOTEL, WEEKLY_APARTMENT, FORWARDING, PO_BOX, HOLD_AT_OFFICE or "".' },
  'order.billing_shipping_mismatch': { type: 'boolean', kinds: ['ORDER'], description: 'Shipping goes to another address than billing.' },
  'order.recipient_differs': { type: 'boolean', kinds: ['ORDER'], description: 'Shipping goes to another name than billing.' },
  'order.amount': { type: 'number', kinds: ['ORDER'], description: 'The amount, in the order currency.' },
  'order.amount_z': { type: 'number', kinds: ['ORDER'], description: "Standard deviations of the (log) amount above the shop's normal; 0 until 30 orders." },
  'order.deferred_payment': { type: 'boolean', kinds: ['ORDER'], description: 'Paid after delivery (後払い) or cash on delivery.' },
  'order.account_age_days': { type: 'number', kinds: ['ORDER'], description: 'Age of the buyer account in days; -1 when unknown.' },
  'order.item_quantity': { type: 'number', kinds: ['ORDER'], description: 'Total quantity of items.' },
};

const review: Record<string, FeatureSpec> = {
  'review.rating': { type: 'number', kinds: ['REVIEW'], description: 'The rating, 1 to 5.' },
  'review.rating_deviation': { type: 'number', kinds: ['REVIEW'], description: "Stars between this rating and the store's mean; 0 until 10 reviews." },
  'review.location_burst.24h': { type: 'number', kinds: ['REVIEW'], description: 'Reviews of this store in 24 hours.' },
  'review.location_burst_ratio': { type: 'number', kinds: ['REVIEW'], description: "Reviews of this store in 24 hours against its usual daily count over 30 days." },
  'review.duplicate_similarity': { type: 'number', kinds: ['REVIEW'], description: 'Highest estimated similarity (0 to 1) to another recent review by someone else.' },
  'review.text_length': { type: 'number', kinds: ['REVIEW'], description: 'Characters in the text.' },
  'review.reviewer.24h': { type: 'number', kinds: ['REVIEW'], description: 'Reviews by this reviewer in 24 hours.' },
  'review.reviewer.stores.7d': { type: 'number', kinds: ['REVIEW'], description: 'Stores this reviewer reviewed in 7 days.' },
  'graph.device.reviewers.30d': { type: 'number', kinds: ['REVIEW'], description: 'Reviewers seen on this device in 30 days.' },
  'graph.ip.reviewers.24h': { type: 'number', kinds: ['REVIEW'], description: 'Reviewers seen from this IP in 24 hours.' },
};

export const FEATURES: Readonly<Record<string, FeatureSpec>> = { ...common, ...access, ...people, ...order, ...review };

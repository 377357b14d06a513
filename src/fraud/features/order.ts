import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ADDRESS_KINDS, type AddressKind } from '../model.ts';
import type { NormalizedAddress } from '../normalize/address.ts';
import type { OrderInput } from '../inputs.ts';
import type { FeatureGroup } from './context.ts';
import { DAY } from './plan.ts';

const shipped = z
  .object({ patterns: z.array(z.object({ kind: z.enum(ADDRESS_KINDS), pattern: z.string() })) })
  .parse(JSON.parse(readFileSync(new URL('../data/address-kinds.json', import.meta.url), 'utf8')));
const PATTERNS = shipped.patterns.map((p) => ({ kind: p.kind, re: new RegExp(p.pattern, 'iu') }));

/** The kind of place an address is: the organisation's own entries first, then the shipped patterns. */
export function addressKind(address: NormalizedAddress, raw: string, known: Map<string, AddressKind>): AddressKind | null {
  const own = known.get(address.premisesKey);
  if (own) return own;
  const text = `${address.building ?? ''} ${raw.normalize('NFKC')}`;
  return PATTERNS.find((p) => p.re.test(text))?.kind ?? null;
}

// The shop's normal is learnt per currency once it has this many orders; before, no z-score.
const MIN_ORDERS_FOR_NORMAL = 30;
const YEAR = 365 * DAY;
const DEFERRED = new Set<OrderInput['paymentMethod']>(['DEFERRED', 'COD']);

/** O-PLUX-style order features: where it ships, to whom, how it is paid and how large it is. */
export const orderFeatures: FeatureGroup = (ctx) => {
  if (ctx.screening.kind !== 'ORDER') return () => ({});
  const order = ctx.screening.input;
  const { plan, identities } = ctx;
  // Amounts are compared on a log scale: order values are roughly log-normal, and a 10x order
  // should stand out the same in a shop selling at ¥500 as in one selling at ¥50,000.
  const amount = plan.stats(plan.key('s', 'ORDER', 'amount', order.currency), Math.log1p(order.amount), YEAR);

  return (lookups) => {
    const billing = identities.addresses.find((a) => a.role === 'billing.address');
    const shipping = identities.addresses.find((a) => a.role === 'shipping.address');
    const destination = shipping ?? billing;
    const rawDestination = (order.shipping?.address ?? order.billing.address)?.line ?? '';
    const kind = destination ? addressKind(destination.address, rawDestination, lookups.addressKinds) : null;
    const billingName = identities.entity('billing.name');
    const shippingName = identities.entity('shipping.name');
    const stats = amount();
    const sd = Math.sqrt(stats.variance);
    const z = stats.n >= MIN_ORDERS_FOR_NORMAL && sd > 0 ? (Math.log1p(order.amount) - stats.mean) / sd : 0;
    const created = order.account?.createdAt;
    return {
      'order.address_kind': kind ?? '',
      'order.billing_shipping_mismatch': !!billing && !!shipping && billing.address.key !== shipping.address.key,
      'order.recipient_differs': !!billingName && !!shippingName && billingName.hash !== shippingName.hash,
      'order.amount': order.amount,
      'order.amount_z': Math.round(z * 100) / 100,
      'order.deferred_payment': DEFERRED.has(order.paymentMethod),
      'order.account_age_days': created ? Math.max(0, Math.floor((ctx.now - created.getTime()) / DAY)) : -1,
      'order.item_quantity': (order.items ?? []).reduce((n, i) => n + i.quantity, 0),
    };
  };
};

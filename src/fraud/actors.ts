import { IDENTIFYING_KINDS, type Entity, type Features, type ScreeningKind } from './model.ts';

// An account this old had a real owner before the order; younger ones are the buyer's own.
const ESTABLISHED_ACCOUNT_DAYS = 30;

/**
 * The identities a bad outcome (an NG, confirmed fraud) may be held against: those the
 * fraudster controlled. A login attacks an account, so the account and its email are the
 * victim's and only the device is the attacker's; an order from an established account may be
 * a takeover, so its saved billing identities stay clean and only the device and where the
 * goods were sent count. Blocking the victim would lock the real customer out of every module
 * and, through the shared database, out of other shops.
 */
export function actorIdentities(kind: ScreeningKind, entities: readonly Entity[], features: Features): Entity[] {
  const identifying = entities.filter((e) => IDENTIFYING_KINDS.includes(e.kind));
  switch (kind) {
    case 'LOGIN':
      return identifying.filter((e) => e.kind === 'DEVICE');
    case 'ORDER': {
      const age = features['order.account_age_days'];
      if (typeof age === 'number' && age >= ESTABLISHED_ACCOUNT_DAYS) return identifying.filter((e) => e.kind === 'DEVICE' || e.role.startsWith('shipping.'));
      return identifying;
    }
    case 'SIGNUP':
    case 'REVIEW':
      return identifying;
  }
}

import type { Entity } from '../model.ts';
import type { FeatureGroup } from './context.ts';
import { DAY } from './plan.ts';

const MONTH = 30 * DAY;

/**
 * Orders and sign-ups carry a person: how often each contact and address was used lately, and
 * how many different names stand behind one of them (one person using several names).
 */
export const peopleFeatures: FeatureGroup = (ctx) => {
  const { kind, identities, plan, event } = ctx;
  const contacts = identities.entities.filter((e) => e.kind === 'EMAIL' || e.kind === 'PHONE' || e.kind === 'ADDRESS');
  const velocity = contacts.map((e) => ({ kind: e.kind, read: plan.window(plan.key('v', kind, e.kind, e.hash), event, [DAY]) }));

  // Each contact is linked to the name given beside it ("billing.phone" with "billing.name").
  const names: (() => { counts: number[] })[] = [];
  const linked = new Set<string>();
  for (const role of ['billing', 'shipping', 'person']) {
    const name = identities.entity(`${role}.name`);
    if (!name) continue;
    for (const field of ['email', 'phone', 'address']) {
      const contact: Entity | undefined = identities.entity(`${role}.${field}`);
      if (!contact || linked.has(`${contact.hash}|${name.hash}`)) continue;
      linked.add(`${contact.hash}|${name.hash}`);
      names.push(plan.window(plan.key('g', contact.kind, contact.hash, 'NAME'), name.hash, [MONTH]));
    }
  }

  return () => {
    const most = (k: Entity['kind']) => Math.max(0, ...velocity.filter((v) => v.kind === k).map((v) => v.read().counts[0] ?? 0));
    const phoneTypes = identities.phones.map((p) => p.phone.type);
    return {
      'phone.type': phoneTypes[0] ?? '',
      'phone.voip': phoneTypes.includes('VOIP'),
      'phone.invalid': phoneTypes.includes('INVALID'),
      'velocity.email.24h': most('EMAIL'),
      'velocity.phone.24h': most('PHONE'),
      'velocity.address.24h': most('ADDRESS'),
      'graph.names_per_identity.30d': Math.max(0, ...names.map((n) => n().counts[0] ?? 0)),
    };
  };
};

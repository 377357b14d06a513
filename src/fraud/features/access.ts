import { analyzeBehavior } from '../intel/behavior.ts';
import { minDistanceKm } from '../intel/geo.ts';
import type { FeatureGroup } from './context.ts';
import { DAY, HOUR } from './plan.ts';

const MONTH = 30 * DAY;
// Faster than a long-haul airliner (about 900 km/h). The distance is already the least one
// between the two countries (minDistanceKm), so a real flight never looks impossible.
const IMPOSSIBLE_KMH = 1000;

/** O-MOTION-style features of sign-ups and logins: behaviour, devices per account, travel. */
export const accessFeatures: FeatureGroup = (ctx) => {
  const { screening, identities, plan, event, ip, now } = ctx;
  if (screening.kind !== 'SIGNUP' && screening.kind !== 'LOGIN') return () => ({});
  const device = identities.entities.find((e) => e.kind === 'DEVICE');
  const ipEntity = identities.entities.find((e) => e.kind === 'IP');
  // A sign-up without an account id is tied to its email, which is what the account will be.
  const account = identities.entity('account') ?? identities.entity('person.email');
  const accountsOnDevice = device && account ? plan.window(plan.key('g', 'DEVICE', device.hash, 'ACCOUNT'), account.hash, [MONTH]) : null;

  let login: (() => Record<string, number | boolean>) | null = null;
  if (screening.kind === 'LOGIN' && account) {
    const failed = !screening.input.succeeded;
    const failedAccount = plan.window(plan.key('v', 'LOGIN_FAILED', 'ACCOUNT', account.hash), failed ? event : null, [HOUR]);
    const failedIp = ipEntity ? plan.window(plan.key('v', 'LOGIN_FAILED', 'IP', ipEntity.hash), failed ? event : null, [HOUR]) : null;
    // Credential stuffing spread over many IPs and accounts shows only shop-wide: failed logins
    // in the last minutes against the shop's usual pace.
    const failedShop = plan.window(plan.key('v', 'LOGIN_FAILED', 'SHOP'), failed ? event : null, [WAVE_WINDOW, DAY]);
    const devices = device ? plan.window(plan.key('g', 'ACCOUNT', account.hash, 'DEVICE'), device.hash, [MONTH]) : null;
    // Travel is measured between successful logins: an attacker's failures do not move the owner.
    const place = ip?.country ? `${ip.country}|${now}` : null;
    const last = plan.swap(plan.key('last', 'LOGIN', account.hash), screening.input.succeeded ? place : null, MONTH);
    login = () => {
      const travel = travelKmh(last().previous, ip?.country ?? null, now);
      const seenDevices = devices?.();
      return {
        'login.failed.account.1h': failedAccount().counts[0] ?? 0,
        'login.failed.ip.1h': failedIp?.().counts[0] ?? 0,
        ...waveFeatures(failedShop().counts),
        'login.succeeded': screening.input.succeeded,
        // The first login ever is not a new device worth noting: there is nothing to compare with.
        'login.new_device': seenDevices ? seenDevices.added && (seenDevices.counts[0] ?? 0) > 1 : false,
        'graph.account.devices.30d': seenDevices?.counts[0] ?? 0,
        'login.travel_kmh': Math.round(travel),
        'login.impossible_travel': travel > IMPOSSIBLE_KMH,
      };
    };
  }

  const summary = screening.input.context.behavior;
  const behavior = summary ? analyzeBehavior(summary) : null;
  return () => ({
    'behavior.present': behavior !== null,
    'behavior.robotic_typing': behavior?.roboticTyping ?? false,
    'behavior.no_pointer': behavior?.noPointer ?? false,
    'behavior.straight_pointer': behavior?.straightPointer ?? false,
    'behavior.too_fast': behavior?.tooFast ?? false,
    'behavior.pasted': behavior?.pasted ?? false,
    'graph.device.accounts.30d': accountsOnDevice?.().counts[0] ?? 0,
    ...login?.(),
  });
};

const WAVE_WINDOW = 10 * 60_000;

function waveFeatures([recent = 0, day = 0]: number[]): Record<string, number> {
  // The usual pace excludes the wave itself, so a long attack does not become its own baseline.
  const usual = Math.max(1, ((day - recent) * WAVE_WINDOW) / DAY);
  return { 'login.failed.shop.10m': recent, 'login.failed_wave_ratio': Math.round((recent / usual) * 10) / 10 };
}

function travelKmh(previous: string | null, country: string | null, now: number): number {
  if (!previous || !country) return 0;
  const [fromCountry, at] = previous.split('|');
  if (!fromCountry || fromCountry === country) return 0;
  const km = minDistanceKm(fromCountry, country);
  if (!km) return 0;
  const hours = Math.max((now - Number(at)) / HOUR, 1 / 60);
  return km / hours;
}

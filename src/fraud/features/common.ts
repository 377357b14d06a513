import { timezoneCountry, languageMatchesCountry } from '../intel/geo.ts';
import { analyzeDevice } from '../intel/device.ts';
import { MODULE_OF } from '../model.ts';
import type { FeatureGroup } from './context.ts';
import { DAY, HOUR } from './plan.ts';

/** Features every kind has: lists, shared and cross-module data, network, device, email. */
export const commonFeatures: FeatureGroup = (ctx) => {
  const { kind, identities, plan, event, ip } = ctx;
  const device = identities.entities.find((e) => e.kind === 'DEVICE');
  const ipEntity = identities.entities.find((e) => e.kind === 'IP');
  const deviceVelocity = device ? plan.window(plan.key('v', kind, 'DEVICE', device.hash), event, [HOUR, DAY]) : null;
  const ipVelocity = ipEntity ? plan.window(plan.key('v', kind, 'IP', ipEntity.hash), event, [HOUR]) : null;
  const context = ctx.screening.input.context;
  const deviceSignals = analyzeDevice({
    userAgent: context.device?.userAgent,
    language: context.device?.language,
    timezone: context.device?.timezone,
    webdriver: context.behavior?.webdriver,
    headlessHints: context.behavior?.headlessHints,
  });

  return (lookups) => {
    const module = MODULE_OF[kind];
    let otherCount = 0;
    const otherModules: string[] = [];
    for (const [m, n] of lookups.flaggedByModule) {
      if (m === module || n === 0) continue;
      otherCount += n;
      otherModules.push(m);
    }
    const country = ip?.country ?? '';
    const language = context.device?.language;
    const zone = context.device?.timezone;
    const zoneCountry = zone ? timezoneCountry(zone) : null;
    return {
      'list.blocked': lookups.blockedKinds.size > 0,
      'list.blocked_kinds': [...lookups.blockedKinds].sort().join(','),
      'list.allowed': lookups.allowed,
      'shared.reports': lookups.sharedOrgs.size,
      'shared.modules': [...lookups.sharedModules].sort().join(','),
      'flags.confirmed': lookups.confirmed,
      'flags.other_modules': otherModules.sort().join(','),
      'flags.other_module_count': otherCount,
      'flags.same_module_count': lookups.flaggedByModule.get(module) ?? 0,
      'ip.present': ipEntity !== undefined,
      'ip.country': country,
      'ip.overseas': country !== '' && country !== ctx.settings.homeCountry,
      'ip.datacenter': ip?.datacenter ?? false,
      'ip.tor': ip?.tor ?? false,
      'device.present': device !== undefined,
      'device.headless': deviceSignals.headless,
      'device.automation': deviceSignals.automation,
      'device.bot_user_agent': deviceSignals.botUserAgent,
      'device.language_mismatch': country !== '' && !!language && !languageMatchesCountry(language, country),
      'device.timezone_mismatch': country !== '' && zoneCountry !== null && zoneCountry !== country,
      'velocity.device.1h': deviceVelocity?.().counts[0] ?? 0,
      'velocity.device.24h': deviceVelocity?.().counts[1] ?? 0,
      'velocity.ip.1h': ipVelocity?.().counts[0] ?? 0,
      'email.invalid': identities.emails.some((e) => e.email === null),
      'email.disposable': identities.emails.some((e) => e.email?.disposable === true),
    };
  };
};

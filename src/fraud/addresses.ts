import type { Logger } from '../log.ts';
import { createGeoloniaNormalizer } from './normalize/geolonia.ts';
import { normalizeJapaneseAddress, type NormalizedAddress } from './normalize/address.ts';

/** Turns a typed address into its normalized form, possibly asking an address registry. */
export type AddressNormalizer = (line: string) => Promise<NormalizedAddress>;

// A screening must answer in milliseconds: a registry slower than this is not waited for.
const REGISTRY_DEADLINE_MS = 100;

/**
 * The Address Base Registry normalizer (geolonia) over a self-hosted or file:// copy of its
 * data, falling back to the lexical reading when the registry does not know the town, fails,
 * or does not answer in time; the reason is logged, never shown to the merchant.
 */
export function registryNormalizer(source: string, log: Logger): AddressNormalizer {
  const geolonia = createGeoloniaNormalizer(source);
  return async (line) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), REGISTRY_DEADLINE_MS);
    });
    const pending = geolonia(line);
    const result = await Promise.race([pending, late]);
    clearTimeout(timer);
    if (result === 'late') {
      log.warn({ deadlineMs: REGISTRY_DEADLINE_MS }, 'address registry too slow; lexical normalization used');
      return normalizeJapaneseAddress(line);
    }
    if (result.source === 'lexical' && result.reason === 'ERROR') log.warn({ err: result.error }, 'address registry failed; lexical normalization used');
    return result.address;
  };
}

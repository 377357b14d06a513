import type { Address } from '../../../src/locations/model.ts';

/**
 * One-line postal address in the order its country writes it: Japanese addresses run from the
 * postal code and prefecture down to the building (〒107-0052 東京都港区赤坂四丁目３番２号 赤坂ビル５F);
 * elsewhere street first, then city, region and postal code.
 */
export function formatAddress(a: Address): string {
  if (a.country === 'JP') {
    const head = [a.region, a.city, a.district, ...a.lines].filter(Boolean).join('');
    return [a.postalCode ? `〒${a.postalCode}` : null, head || null, a.building].filter(Boolean).join(' ');
  }
  const regionLine = [a.region, a.postalCode].filter(Boolean).join(' ');
  return [...a.lines, a.building, a.district, a.city, regionLine || null].filter(Boolean).join(', ');
}

/** Street lines and building, for platforms with a single street field. */
export function streetOf(a: Address): string {
  return [...a.lines, a.building].filter(Boolean).join(a.country === 'JP' ? ' ' : ', ');
}

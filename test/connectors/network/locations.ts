/**
 * The conformance cases' stores, built as LocationData for any country a platform serves (a
 * valid example number from libphonenumber-js's metadata, the country's postal code format).
 */
import { getExampleNumber, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import type { ConnectorManifest } from '../../../connectors/runtime/manifest.ts';
import type { LocationData } from '../../../src/locations/model.ts';

const POSTAL: Readonly<Record<string, string>> = { JP: '107-0052', US: '10001', CA: 'M5V 2T6', GB: 'SW1A 1AA', DE: '10115', FR: '75001', AT: '1010', CH: '8001', TH: '10110', SG: '018956', MY: '50450', VN: '100000', ID: '10110', PH: '1000', IN: '110001', AE: '00000', RU: '101000', CN: '100000' };

/** The country a platform is best tested in: Japan where it serves Japan, else its first country. */
export function homeCountry(m: ConnectorManifest): string {
  const served = m.eligibility.countries ?? (m.countries === 'GLOBAL' ? null : m.countries);
  return !served || served.includes('JP') ? 'JP' : served[0]!;
}

/** A category the platform takes: its first eligible one, else ramen. */
export function homeCategory(m: ConnectorManifest): string {
  return m.eligibility.categories?.[0] ?? 'restaurant.ramen';
}

const phone = (country: string) => getExampleNumber(country as CountryCode, examples)?.number ?? '+81312345678';

export function fullStore(country: string, category: string): LocationData {
  const jp = country === 'JP';
  return {
    storeCode: 'CONF-001',
    name: jp ? 'てんぽ 赤坂店' : 'Tenpo Downtown',
    localizedNames: [{ locale: jp ? 'en' : 'ja', name: jp ? 'Tenpo Akasaka' : 'てんぽ ダウンタウン' }],
    status: 'OPEN',
    statusDate: null,
    address: jp
      ? { country: 'JP', postalCode: '107-0052', region: '東京都', city: '港区', district: '赤坂四丁目', lines: ['３番２号'], building: '赤坂ビル５F' }
      : { country, postalCode: POSTAL[country] ?? null, region: null, city: 'Capital City', district: null, lines: ['1 Main Street'], building: 'Suite 5' },
    latitude: 35.6727,
    longitude: 139.7365,
    primaryPhone: phone(country),
    additionalPhones: [],
    website: 'https://tenpo.example/stores/conf-001',
    socialProfiles: [{ network: 'INSTAGRAM', url: 'https://instagram.com/tenpo' }],
    primaryCategory: category,
    additionalCategories: [],
    description: jp ? '赤坂のラーメン店です。深夜まで営業しています。' : 'A neighbourhood store, open late.',
    labels: [],
    regularHours: [
      { day: 'MONDAY', intervals: [{ open: '11:00', close: '15:00' }, { open: '17:00', close: '23:00' }] },
      { day: 'TUESDAY', intervals: [{ open: '11:00', close: '22:00' }] },
      { day: 'WEDNESDAY', intervals: [] },
      { day: 'THURSDAY', intervals: [{ open: '11:00', close: '22:00' }] },
      { day: 'FRIDAY', intervals: [{ open: '11:00', close: '22:00' }] },
      { day: 'SATURDAY', intervals: [{ open: '11:00', close: '22:00' }] },
      { day: 'SUNDAY', intervals: [] },
    ],
    specialHours: [{ startDate: '2026-12-31', endDate: '2027-01-02', closed: true, intervals: [] }],
    attributes: [],
    photos: [{ url: 'https://tenpo.example/photos/front.jpg', kind: 'EXTERIOR', caption: null }],
  };
}

export function minimalStore(country: string, category: string): LocationData {
  const full = fullStore(country, category);
  return {
    ...full,
    localizedNames: [],
    latitude: null,
    longitude: null,
    primaryPhone: null,
    website: null,
    socialProfiles: [],
    description: null,
    regularHours: [],
    specialHours: [],
    photos: [],
  };
}

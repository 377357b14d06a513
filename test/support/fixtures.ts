/** A complete, valid Japanese store as GraphQL LocationInput. */
export function tokyoStore(storeCode: string, overrides: Record<string, unknown> = {}) {
  return {
    storeCode,
    name: 'てんぽ 赤坂店',
    localizedNames: [{ locale: 'en', name: 'Tenpo Akasaka' }],
    address: {
      country: 'JP',
      postalCode: '107-0052',
      region: '東京都',
      city: '港区',
      district: '赤坂四丁目',
      lines: ['３番２号'],
      building: '赤坂ビル５F',
    },
    latitude: 35.6727,
    longitude: 139.7365,
    primaryPhone: '03-1234-5678',
    primaryCategory: 'restaurant.ramen',
    labels: ['flagship'],
    regularHours: [
      { day: 'MONDAY', intervals: [{ open: '11:00', close: '15:00' }, { open: '17:00', close: '02:00' }] },
      { day: 'SATURDAY', intervals: [{ open: '11:00', close: '22:00' }] },
    ],
    ...overrides,
  };
}

export const LOCATION_FIELDS = `
  id storeCode name version status statusDate primaryPhone additionalPhones website labels groups archived
  localizedNames { locale name }
  address { country postalCode region city district lines building }
  latitude longitude primaryCategory additionalCategories description
  regularHours { day intervals { open close } }
  specialHours { startDate endDate closed intervals { open close } }
  attributes { key value } photos { url kind caption } socialProfiles { network url }
`;

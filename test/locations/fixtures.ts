/** A complete, valid location input (Japanese store) that tests mutate one field at a time. */
export function validInput(): Record<string, unknown> {
  return {
    storeCode: 'TKY-001',
    name: 'ラーメン天保 赤坂店',
    localizedNames: [{ locale: 'en', name: 'Ramen Tenpo Akasaka' }],
    status: 'OPEN',
    statusDate: null,
    address: {
      country: 'JP',
      postalCode: '107-0052',
      region: '東京都',
      city: '港区',
      district: '赤坂四丁目',
      lines: ['３番２号'],
      building: '赤坂ビル５F',
    },
    latitude: 35.6735,
    longitude: 139.7366,
    primaryPhone: '03-1234-5678',
    additionalPhones: ['090-1234-5678'],
    website: 'https://ramen-tenpo.example.jp/akasaka',
    socialProfiles: [{ network: 'INSTAGRAM', url: 'https://www.instagram.com/ramen_tenpo' }],
    primaryCategory: 'restaurant.ramen',
    additionalCategories: ['restaurant'],
    description: '創業1975年の醤油ラーメン専門店。\n深夜まで営業しています。',
    labels: ['tokyo', 'flagship'],
    regularHours: [
      { day: 'MONDAY', intervals: [{ open: '11:00', close: '15:00' }, { open: '17:00', close: '23:00' }] },
      { day: 'FRIDAY', intervals: [{ open: '11:00', close: '02:00' }] },
    ],
    specialHours: [{ startDate: '2026-12-31', endDate: '2027-01-03', closed: true, intervals: [] }],
    attributes: [
      { key: 'takeout', value: true },
      { key: 'payment_methods', value: ['qr_paypay', 'cash'] },
    ],
    photos: [{ url: 'https://cdn.example.jp/logo.png', kind: 'LOGO', caption: null }],
  };
}

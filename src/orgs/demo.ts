import type { Db } from '../db/database.ts';
import { insertApiKey } from '../auth/service.ts';
import { upsertBatch, type BulkRow } from '../locations/bulk.ts';
import { seedDemoReviews } from '../reviews/demo.ts';
import { createOrganization, createUser, setMembership } from './service.ts';

export const DEMO_ORG_NAME = 'Tenpo Demo Stores';
export const DEMO_EMAIL = 'demo@tenpo.example';

const weekdays = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const;
const everyDay = [...weekdays, 'SATURDAY', 'SUNDAY'] as const;

const DEMO_STORES: BulkRow[] = [
  {
    groups: ['関東', 'Flagship'],
    input: {
      storeCode: 'JP-TKY-001',
      name: '麺処てんぽ 赤坂店',
      localizedNames: [{ locale: 'en', name: 'Menya Tenpo Akasaka' }],
      address: { country: 'JP', postalCode: '107-0052', region: '東京都', city: '港区', district: '赤坂四丁目', lines: ['3番2号'], building: '赤坂ビル1F' },
      latitude: 35.6727,
      longitude: 139.7365,
      primaryPhone: '03-1234-5678',
      website: 'https://tenpo.example/akasaka',
      primaryCategory: 'restaurant.ramen',
      description: '濃厚豚骨ラーメンの専門店。深夜2時まで営業。',
      labels: ['深夜営業'],
      regularHours: [
        ...weekdays.map((day) => ({ day, intervals: [{ open: '11:00', close: '15:00' }, { open: '17:00', close: '02:00' }] })),
        { day: 'SATURDAY', intervals: [{ open: '11:00', close: '02:00' }] },
      ],
      specialHours: [{ startDate: '2026-12-31', endDate: '2027-01-02', closed: true, intervals: [] }],
      attributes: [{ key: 'payment_methods', value: ['cash', 'credit_card', 'qr_paypay'] }, { key: 'takeout', value: true }],
    },
  },
  {
    groups: ['関西'],
    input: {
      storeCode: 'JP-OSA-001',
      name: '麺処てんぽ 梅田店',
      localizedNames: [{ locale: 'en', name: 'Menya Tenpo Umeda' }],
      address: { country: 'JP', postalCode: '530-0001', region: '大阪府', city: '大阪市北区', district: '梅田一丁目', lines: ['1番3号'], building: '大阪駅前第3ビルB1' },
      primaryPhone: '06-6345-1234',
      primaryCategory: 'restaurant.ramen',
      regularHours: everyDay.map((day) => ({ day, intervals: [{ open: '10:30', close: '23:00' }] })),
    },
  },
  {
    groups: ['北海道'],
    input: {
      storeCode: 'JP-SPK-001',
      name: 'てんぽ珈琲 札幌大通店',
      address: { country: 'JP', postalCode: '060-0042', region: '北海道', city: '札幌市中央区', district: '大通西四丁目', lines: ['1'], building: null },
      primaryPhone: '011-231-4567',
      primaryCategory: 'cafe',
      status: 'CLOSED_TEMPORARILY',
      statusDate: '2027-03-01',
      regularHours: everyDay.map((day) => ({ day, intervals: [{ open: '07:00', close: '20:00' }] })),
    },
  },
  {
    groups: ['International'],
    input: {
      storeCode: 'US-NYC-001',
      name: 'Tenpo Ramen East Village',
      address: { country: 'US', postalCode: '10003', region: 'NY', city: 'New York', district: null, lines: ['123 1st Ave'], building: null },
      primaryPhone: '(212) 555-0142',
      website: 'https://tenpo.example/nyc',
      primaryCategory: 'restaurant.ramen',
      regularHours: everyDay.map((day) => ({ day, intervals: [{ open: '12:00', close: '22:30' }] })),
    },
  },
  {
    groups: ['International'],
    input: {
      storeCode: 'GB-LON-001',
      name: 'Tenpo Ramen Soho',
      address: { country: 'GB', postalCode: 'W1D 4PY', region: 'England', city: 'London', district: 'Soho', lines: ['12 Greek Street'], building: null },
      primaryPhone: '020 7946 0321',
      primaryCategory: 'restaurant.ramen',
      status: 'OPENING_SOON',
      statusDate: '2027-04-15',
    },
  },
  {
    groups: ['International'],
    input: {
      storeCode: 'SG-SGP-001',
      name: 'Tenpo Cafe Tanjong Pagar',
      address: { country: 'SG', postalCode: '088542', region: null, city: 'Singapore', district: 'Tanjong Pagar', lines: ['7 Wallich Street'], building: 'Guoco Tower #01-05' },
      primaryPhone: '+65 6123 4567',
      primaryCategory: 'cafe',
      regularHours: everyDay.map((day) => ({ day, intervals: [{ open: '08:00', close: '18:00' }] })),
    },
  },
];

export interface DemoResult {
  orgId: string;
  apiKey: string;
  email: string;
  password: string | null;
  locations: number;
}

/** Creates (or reuses) the demo organisation, its stores and owner, and mints a fresh API key. */
export async function seedDemo(db: Db): Promise<DemoResult> {
  let org = await db.selectFrom('organizations').selectAll().where('name', '=', DEMO_ORG_NAME).executeTakeFirst();
  if (!org) {
    const created = await createOrganization(db, { name: DEMO_ORG_NAME, kind: 'BRAND' });
    if (!created.ok) throw new Error(`demo organisation: ${created.errors.map((e) => e.message).join('; ')}`);
    org = created.value;
  }
  let password: string | null = null;
  let user = await db.selectFrom('users').selectAll().where('email', '=', DEMO_EMAIL).executeTakeFirst();
  if (!user) {
    password = 'tenpo-demo-password';
    const created = await createUser(db, { email: DEMO_EMAIL, name: 'Demo Owner', password });
    if (!created.ok) throw new Error(`demo user: ${created.errors.map((e) => e.message).join('; ')}`);
    user = created.value;
  }
  await setMembership(db, user.id, org.id, 'OWNER');
  const results = await upsertBatch(db, org.id, { kind: 'SYSTEM', id: null, label: 'tenpo demo' }, DEMO_STORES);
  const failed = results.filter((r) => r.outcome === 'FAILED');
  if (failed.length > 0) {
    throw new Error(`demo stores failed validation: ${JSON.stringify(failed.map((f) => ({ store: f.storeCode, errors: f.errors })))}`);
  }
  await seedDemoReviews(db, org.id);
  const { key } = await insertApiKey(db, { orgId: org.id, name: `demo ${new Date().toISOString()}`, role: 'OWNER', createdBy: user.id });
  return { orgId: org.id, apiKey: key, email: DEMO_EMAIL, password, locations: results.length };
}

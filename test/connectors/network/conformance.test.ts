/**
 * One table of cases run through every connector of the network, each projection checked
 * against the connector's own manifest: what it may show, its limits, its eligibility.
 */
import { describe, expect, it } from 'vitest';
import type { Connector, ProjectResult } from '../../../connectors/runtime/connector.ts';
import { LOCATION_FIELDS, type LocationData, type LocationField } from '../../../src/locations/model.ts';
import { everyConnector } from './connectors.ts';
import { fullStore, homeCategory, homeCountry, minimalStore } from './locations.ts';

const connectors = everyConnector();
const shownBy = (c: Connector) => new Set<LocationField>(Object.values(c.fields).flat());
const project = (c: Connector, l: LocationData) => c.project(l, { settings: {} });

function expectWellFormed(c: Connector, result: ProjectResult): void {
  if (result.ok) {
    for (const key of Object.keys(result.projection)) expect(Object.keys(c.fields), `${c.manifest.id} projects "${key}", which its field map lacks`).toContain(key);
    for (const f of result.notSupported) expect(LOCATION_FIELDS).toContain(f);
    return;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(p.rule.startsWith(`${c.manifest.id}.`), `rule ${p.rule} of ${c.manifest.id}`).toBe(true);
    expect(p.message.length).toBeGreaterThan(10);
    if (p.field !== null) expect(LOCATION_FIELDS).toContain(p.field);
  }
}

const expectProjection = (c: Connector, result: ProjectResult) => {
  expectWellFormed(c, result);
  if (!result.ok) throw new Error(`${c.manifest.id}: expected a projection, got ${JSON.stringify(result.problems)}`);
  return result;
};

describe.each(connectors.map((c) => [c.manifest.id, c] as const))('%s', (_id, c) => {
  const country = homeCountry(c.manifest);
  const category = homeCategory(c.manifest);
  const full = fullStore(country, category);
  const shown = shownBy(c);

  it('projects a full store in a country and category it takes, keyed by its field map', () => {
    const result = expectProjection(c, project(c, full));
    if (shown.has('name')) expect(JSON.stringify(result.projection), 'the store name is not in the projection').toContain(JSON.stringify(full.name).slice(1, -1));
    else expect(result.notSupported).toContain('name');
  });

  it('takes a minimal store, or names every field it still requires', () => {
    const result = project(c, minimalStore(country, category));
    expectWellFormed(c, result);
    if (!result.ok) {
      expect(result.problems.every((p) => p.kind === 'ACTION_REQUIRED' && p.field !== null), JSON.stringify(result.problems)).toBe(true);
    }
  });

  it('keeps a Japanese address whole where it serves Japan, and says NOT_ELIGIBLE where it does not', () => {
    const jp = fullStore('JP', category);
    const result = project(c, jp);
    expectWellFormed(c, result);
    if (country === 'JP') {
      const projected = expectProjection(c, result);
      if (shown.has('address')) {
        const text = JSON.stringify(projected.projection);
        expect(text).toContain('港区');
        expect(text).toMatch(/東京都|Tokyo|13/);
      }
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.some((p) => p.kind === 'NOT_ELIGIBLE' && p.field === 'address')).toBe(true);
    }
  });

  it('carries hours past midnight as such', () => {
    if (!shown.has('regularHours')) return;
    const late = { ...full, regularHours: full.regularHours.map((d) => (d.day === 'MONDAY' ? { ...d, intervals: [{ open: '17:00', close: '02:00' }] } : d)) };
    const early = { ...full, regularHours: full.regularHours.map((d) => (d.day === 'MONDAY' ? { ...d, intervals: [{ open: '17:00', close: '23:00' }] } : d)) };
    const a = expectProjection(c, project(c, late));
    const b = expectProjection(c, project(c, early));
    expect(JSON.stringify(a.projection)).not.toBe(JSON.stringify(b.projection));
  });

  it('shows a temporary closure, reports the status as not supported, or holds the store back naming the status', () => {
    const result = project(c, { ...full, status: 'CLOSED_TEMPORARILY', statusDate: '2027-03-01' });
    expectWellFormed(c, result);
    if (!result.ok) {
      // A platform that would show the store as open (Bing) must say why it is not published.
      expect(result.problems.some((p) => p.field === 'status' && p.kind === 'ACTION_REQUIRED'), JSON.stringify(result.problems)).toBe(true);
      return;
    }
    const open = expectProjection(c, project(c, full));
    const carried = JSON.stringify(result.projection) !== JSON.stringify(open.projection);
    expect(carried || result.notSupported.includes('status'), 'the closure is neither sent nor reported').toBe(true);
  });

  it('refuses a description longer than it takes, naming the field', () => {
    const result = project(c, { ...full, description: '説明'.repeat(2_600) });
    expectWellFormed(c, result);
    if (!shown.has('description')) {
      expect(result.ok && result.notSupported.includes('description')).toBe(true);
    } else if (c.manifest.fieldLimits.descriptionMax !== undefined) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.some((p) => p.field === 'description' && p.kind === 'ACTION_REQUIRED')).toBe(true);
    }
  });

  it('refuses a name longer than it takes', () => {
    const max = c.manifest.fieldLimits.nameMax;
    if (max === undefined) return;
    const result = project(c, { ...full, name: 'あ'.repeat(max + 1) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.some((p) => p.field === 'name')).toBe(true);
  });

  it('publishes a store with an additional category it has no equivalent for, leaving that one out and reporting it NOT_SUPPORTED', () => {
    const result = expectProjection(c, project(c, { ...full, additionalCategories: ['space_station'] }));
    expect(JSON.stringify(result.projection)).not.toContain('space_station');
    expect(result.projection).toEqual(expectProjection(c, project(c, full)).projection);
    if (shown.has('additionalCategories')) expect(result.notSupported).toContain('additionalCategories');
  });

  it('reports every filled field it has no place for as NOT_SUPPORTED', () => {
    const rich: LocationData = {
      ...full,
      labels: ['internal'],
      attributes: [{ key: 'has_wifi', value: true }],
      additionalPhones: [full.primaryPhone!],
    };
    const result = expectProjection(c, project(c, rich));
    for (const field of ['attributes', 'socialProfiles', 'localizedNames', 'photos', 'latitude', 'longitude', 'description', 'website', 'specialHours'] as const) {
      if (!shown.has(field)) expect(result.notSupported, `${c.manifest.id} drops ${field} silently`).toContain(field);
    }
  });
});

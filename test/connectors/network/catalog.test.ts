/** The catalog against ../shared/platforms.csv and the network's promises. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { catalogManifests } from '../../../connectors/catalog/index.ts';
import { getCategory } from '../../../src/locations/categories.ts';
import { catalogView } from '../../../src/platforms/catalogView.ts';
import { deepManifests } from '../../../src/platforms/deep.ts';
import { createRegistry, manifestConnectors } from '../../../src/platforms/registry.ts';

const rows = parse(readFileSync(new URL('../../../../shared/platforms.csv', import.meta.url)), { columns: true }) as Record<string, string>[];
const manifests = [...catalogManifests(), ...deepManifests()];
const byId = new Map(manifests.map((m) => [m.id, m]));
// Platforms whose data publicly comes from another one: delivered through it, not as the CSV's reach says.
const THROUGH = { 'google-assistant': 'google', siri: 'apple-business-connect' };

describe('the platform catalog', () => {
  it('has one manifest per row of platforms.csv, under its id, with its countries and kind', () => {
    for (const row of rows) {
      const m = byId.get(row.id!);
      expect(m, `no manifest for ${row.id}`).toBeDefined();
      expect(m!.kind).toBe(row.kind);
      expect(m!.countries === 'GLOBAL' ? 'GLOBAL' : m!.countries.join('|')).toBe(row.countries);
      expect(m!.sources).toContain(`../shared/platforms.csv (${row.id})`);
      if (!(row.id! in THROUGH)) expect(m!.reach, row.id).toBe(row.reach);
    }
    expect(new Set(manifests.map((m) => m.id)).size).toBe(manifests.length);
  });

  it('covers at least 125 platforms, at least 100 of them delivered automatically', () => {
    expect(manifests.length).toBeGreaterThanOrEqual(125);
    expect(manifests.filter((m) => m.reach !== 'manual').length).toBeGreaterThanOrEqual(100);
  });

  it('delivers aggregated platforms through a platform of the catalog that is itself delivered', () => {
    for (const m of manifests) {
      if (m.delivery.kind !== 'aggregator') continue;
      const via = byId.get(m.delivery.via);
      expect(via, `${m.id} via ${m.delivery.via}`).toBeDefined();
      expect(['aggregator', 'manual']).not.toContain(via!.reach);
    }
    for (const [id, via] of Object.entries(THROUGH)) expect(byId.get(id)!.delivery).toEqual({ kind: 'aggregator', via });
  });

  it('names only Tenpo categories in eligibility, and marks the partner protocol and guessed limits as inferred', () => {
    for (const m of catalogManifests()) {
      for (const c of m.eligibility.categories ?? []) expect(getCategory(c), `${m.id}: ${c}`).toBeDefined();
      if (m.delivery.kind === 'publisher') expect(m.factsInferred).toContain('delivery');
      expect(m.factsInferred).toContain('fieldLimits');
    }
  });

  it('serves the Japanese market: Yahoo! JAPAN, LINE, Apple, car navigation, gourmet and beauty', () => {
    const jp = manifests.filter((m) => m.countries === 'GLOBAL' || m.countries.includes('JP')).map((m) => m.id);
    for (const id of ['line-place', 'apple-business-connect', 'navitime', 'zenrin', 'tabelog', 'hotpepper-gourmet', 'hotpepper-beauty', 'gurunavi', 'retty']) {
      if (byId.has(id)) expect(jp).toContain(id);
    }
  });

  it('lists every platform in the catalog view, saying which cannot be connected here and why', () => {
    const view = catalogView(createRegistry(manifestConnectors(), { catalog: manifests, missing: { google: 'not configured' } }));
    expect(view.map((p) => p.id).sort()).toEqual(manifests.map((m) => m.id).sort());
    const google = view.find((p) => p.id === 'google')!;
    expect(google).toMatchObject({ available: false, unavailableReason: 'not configured', deep: true });
    const garmin = view.find((p) => p.id === 'garmin')!;
    expect(garmin).toMatchObject({ available: true, reach: 'aggregator', delivery: { kind: 'aggregator', via: 'here' } });
  });
});

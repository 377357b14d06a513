import { describe, expect, it } from 'vitest';
import { defineManifest, ManifestError, parseManifest } from '../../connectors/runtime/manifest.ts';
import type { ConnectorManifestInput } from '../../connectors/runtime/manifest.ts';

// Google Business Profile: 300 QPM per project (Business Information API default), 10 edits per
// minute to a single listing, 10,000 location updates per day per project.
const google: ConnectorManifestInput = {
  id: 'google',
  name: 'Google Business Profile (Google Search & Maps)',
  countries: 'GLOBAL',
  kind: 'search',
  reach: 'api',
  auth: { kind: 'oauth2', scopes: ['https://www.googleapis.com/auth/business.manage'] },
  baseUrl: 'https://mybusinessbusinessinformation.googleapis.com/v1',
  quotas: { requestsPerMinute: 300, editsPerDay: 10_000, perListing: { editsPerMinute: 10 } },
  fieldLimits: { descriptionMax: 750, addressLinesMax: 5, categoriesMax: 10, labelsMax: 10, labelMax: 50, phonesMax: 3 },
  capabilities: { listingWrite: true, readBack: true, reviewsRead: true, reviewReply: true, posts: true, insights: true },
  eligibility: { categoriesExcluded: ['gcid:atm'] },
  sources: ['developers.google.com/my-business/content/limits'],
};

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    parseManifest(input);
  } catch (err) {
    expect(err).toBeInstanceOf(ManifestError);
    return [...(err as ManifestError).issues];
  }
  throw new Error('expected a ManifestError');
}

describe('defineManifest', () => {
  it("accepts Google's manifest with its documented quotas and returns it deeply frozen", () => {
    const m = defineManifest(google);
    expect(m.quotas).toEqual({ requestsPerMinute: 300, editsPerDay: 10_000, perListing: { editsPerMinute: 10 } });
    expect(m.auth).toEqual({ kind: 'oauth2', scopes: ['https://www.googleapis.com/auth/business.manage'] });
    expect(Object.isFrozen(m)).toBe(true);
    expect(Object.isFrozen(m.quotas.perListing)).toBe(true);
    expect(Object.isFrozen(m.sources)).toBe(true);
    expect(() => ((m.quotas as { requestsPerMinute?: number }).requestsPerMinute = 1)).toThrow(TypeError);
  });

  it('fills optional sections with empty defaults and lets feed and manual platforms omit baseUrl', () => {
    const m = defineManifest({
      id: 'tabelog', name: 'Tabelog', countries: ['JP'], kind: 'vertical', reach: 'manual', auth: { kind: 'none' },
      capabilities: { listingWrite: false, readBack: false, reviewsRead: false, reviewReply: false, posts: false, insights: false },
      delivery: { kind: 'manual', submitUrl: 'https://tabelog.com' }, listing: { fields: ['name', 'address', 'primaryPhone'] },
      factsInferred: ['reach', 'capabilities.reviewsRead'], sources: ['friday.kodansha.co.jp/article/249577'],
    });
    expect(m).toMatchObject({ quotas: {}, fieldLimits: {}, eligibility: {} });
    expect(m.baseUrl).toBeUndefined();
  });

  it('reports every invalid field at once, each with its path', () => {
    const issues = issuesOf({
      id: 'Google_Business',
      name: '  ',
      countries: ['JP', 'jp', 'EU', 'JP'],
      kind: 'review',
      reach: 'direct',
      auth: { kind: 'oauth2', scopes: [] },
      baseUrl: 'http://insecure.example.com',
      quotas: { requestsPerMinute: 0, requestsPerDay: -5, perListing: { editsPerMinute: 1.5 }, requestPerDay: 3 },
      fieldLimits: { nameMax: '100', labelsMax: 0 },
      capabilities: { listingWrite: 'yes', readBack: true, reviewsRead: true, reviewReply: true, posts: true },
      eligibility: { countries: ['US'], categoriesExcluded: [''] },
      factsInferred: ['quota.requestsPerDay'],
      sources: [],
      color: 'blue',
    });
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'id', 'name', 'countries[1]', 'countries[2]', 'countries', 'kind', 'reach', 'auth.scopes', 'baseUrl',
        'quotas.requestsPerMinute', 'quotas.requestsPerDay', 'quotas.perListing.editsPerMinute', 'quotas.requestPerDay',
        'fieldLimits.nameMax', 'fieldLimits.labelsMax', 'capabilities.listingWrite', 'capabilities.insights',
        'eligibility.countries[0]', 'eligibility.categoriesExcluded[0]', 'factsInferred[0]', 'sources', 'color',
      ]),
    );
    expect(issues.find((i) => i.path === 'quotas.requestPerDay')?.message).toBe('Unknown field');
    expect(issues.find((i) => i.path === 'countries')?.message).toMatch(/must not repeat/);
    expect(issues.find((i) => i.path === 'eligibility.countries[0]')?.message).toMatch(/"US" is not among/);
  });

  it("says why baseUrl is missing for API platforms, and names the manifest in the error's message", () => {
    const { baseUrl: _omitted, ...noUrl } = google;
    try {
      defineManifest(noUrl);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ManifestError);
      const e = err as ManifestError;
      expect(e.manifestId).toBe('google');
      expect(e.issues).toEqual([{ path: 'baseUrl', message: 'Required when reach is "api"' }]);
      expect(e.message).toContain('Invalid connector manifest "google"');
      expect(e.message).toContain('baseUrl: Required when reach is "api"');
    }
  });

  it('rejects a manifest that is not an object', () => {
    expect(issuesOf(null)).toEqual([{ path: '', message: expect.any(String) }]);
  });

  it('ties delivery to reach: how each kind of platform is reached, and what a runtime-run one must declare', () => {
    const base = {
      id: 'example', name: 'Example', countries: ['JP'], kind: 'directory', auth: { kind: 'none' },
      capabilities: { listingWrite: false, readBack: false, reviewsRead: false, reviewReply: false, posts: false, insights: false }, sources: ['test'],
    };
    expect(issuesOf({ ...base, reach: 'manual' })).toEqual([{ path: 'delivery.kind', message: '"connector" does not deliver a platform whose reach is "manual" (expected manual)' }]);
    expect(issuesOf({ ...base, reach: 'aggregator', delivery: { kind: 'aggregator', via: 'example' } })).toEqual([
      { path: 'listing', message: 'Required when the runtime delivers from the manifest: which fields the platform shows' },
      { path: 'delivery.via', message: 'A platform cannot be its own aggregator' },
    ]);
    const feed = { kind: 'feed', format: 'csv', transport: 'https-put', columns: [{ header: 'name', value: 'name' }, { header: 'name', value: 'phone.e164' }] };
    expect(issuesOf({ ...base, reach: 'feed', delivery: feed, listing: { fields: ['name'] } })).toEqual([{ path: 'delivery.columns', message: 'Column headers must not repeat' }]);
    // A publisher-protocol partner's endpoint comes with the agreement, so it needs no baseUrl.
    const publisher = defineManifest({ ...base, reach: 'partner-api', delivery: { kind: 'publisher', protocol: 'tenpo-publisher/1' }, listing: { fields: ['name', 'address'] } } as ConnectorManifestInput);
    expect(publisher.listing).toEqual({ fields: ['name', 'address'], required: [], categories: { names: 'en' } });
  });
});

/** The TomTom feed file, its delivery and TomTom's processing report, replayed against the fake. */
import { describe, expect, it } from 'vitest';
import { connector, entry, failure, location, setup } from './helpers.ts';

const at = new Date(Date.UTC(2030, 0, 15, 9, 30));
const decode = (b: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(b);

describe('TomTom feed file', () => {
  it('is one GeoJSON FeatureCollection in UTF-8, a Feature per store with Overture Places properties', () => {
    const loc = location({ description: '"本格" とんこつ,\n深夜2時まで', socialProfiles: [{ network: 'INSTAGRAM', url: 'https://instagram.com/tenpo' }] });
    const file = connector().feed.render([entry(loc)], at);
    expect(file).toMatchObject({ name: 'tenpo_tomtom_20300115T093000Z.geojson', contentType: 'application/geo+json', rows: 1 });
    const doc = JSON.parse(decode(file.body));
    expect(doc.features[0]).toEqual({
      type: 'Feature',
      id: 'TKY-001',
      geometry: { type: 'Point', coordinates: [139.7365, 35.6727] },
      properties: {
        names: { primary: 'てんぽ 赤坂店', common: { en: 'Tenpo Akasaka' } },
        categories: { primary: 'noodles_restaurant' },
        operating_status: 'open',
        addresses: [{ country: 'JP', freeform: '赤坂四丁目３番２号 赤坂ビル５F', locality: '港区', postcode: '107-0052', region: 'JP-13' }],
        phones: ['+81312345678'],
        socials: ['https://instagram.com/tenpo'],
        description: '"本格" とんこつ,\n深夜2時まで',
        opening_hours: 'Mo 11:00-15:00,17:00-02:00; Sa 11:00-22:00',
      },
    });
  });
});

describe('TomTom feed delivery and report', () => {
  it('uploads with the key, reports PROCESSING until TomTom processed the file, then every feature', async () => {
    const { fake, conn, session, calls, sourceId } = await setup({ processingDelayMs: 60_000 });
    const second = entry(location({ storeCode: 'TKY-002' }));
    // A feature TomTom refuses: its opening_hours is not OSM syntax.
    const bad = { ...second, projection: { ...second.projection, openingHours: 'Mon-Fri 9am-5pm' } };
    const file = conn.feed.render([entry(location()), bad], at);
    const { submissionId } = await conn.feed.upload(session, calls.call, file);
    expect(await conn.feed.report(session, calls.call, submissionId)).toEqual({ state: 'PROCESSING' });
    fake.advance(60_000);
    expect(await conn.feed.report(session, calls.call, submissionId)).toEqual({
      state: 'DONE',
      accepted: ['TKY-001'],
      rejected: [{ storeCode: 'TKY-002', message: 'properties.opening_hours: opening_hours is not valid OSM opening_hours syntax', platformCode: 'INVALID_OPENING_HOURS' }],
    });
    expect(fake.calls.map((c) => [c.method, c.path, c.query])).toEqual([
      ['POST', `/places/ingest/1/sources/${sourceId}/feeds`, { fileName: file.name, key: '[key]' }],
      ['GET', `/places/ingest/1/sources/${sourceId}/feeds/${submissionId}`, { key: '[key]' }],
      ['GET', `/places/ingest/1/sources/${sourceId}/feeds/${submissionId}`, { key: '[key]' }],
    ]);
  });

  it('a retried upload of the same file is the same feed', async () => {
    const { fake, conn, session, calls } = await setup();
    const file = conn.feed.render([entry(location())], at);
    expect(await conn.feed.upload(session, calls.call, file)).toEqual(await conn.feed.upload(session, calls.call, file));
    expect(fake.feeds.size).toBe(1);
  });

  it('a file TomTom cannot read fails whole, with TomTom’s reason', async () => {
    const { fake, conn, session, calls } = await setup({ processingDelayMs: 0 });
    const file = { ...conn.feed.render([entry(location())], at), body: new TextEncoder().encode('{"type":"Feature"}') };
    const { submissionId } = await conn.feed.upload(session, calls.call, file);
    fake.advance(1);
    expect(await conn.feed.report(session, calls.call, submissionId)).toEqual({ state: 'FAILED', message: 'The file is not a GeoJSON FeatureCollection.' });
  });

  it('maps TomTom’s refusals: rate limit, outage, revoked source, wrong key, wrong media type', async () => {
    const { fake, conn, session, calls, sourceId } = await setup({ requestsPerMinute: 1 });
    await conn.verify(session, calls.call, null);
    expect(await failure(conn.verify(session, calls.call, null))).toMatchObject({ kind: 'RATE_LIMITED', details: { retryAfterMs: 2000, rule: 'tomtom.TOO_MANY_REQUESTS' } });
    fake.advance(60_000);
    fake.faults.push({ match: /\/feeds$/, status: 503, times: 1 });
    expect((await failure(conn.feed.upload(session, calls.call, conn.feed.render([entry(location())], at)))).kind).toBe('TRANSIENT');
    fake.advance(60_000);
    const wrongType = { ...conn.feed.render([entry(location())], at), contentType: 'application/json' };
    expect(await failure(conn.feed.upload(session, calls.call, wrongType))).toMatchObject({ kind: 'INVALID', details: { status: 415 } });
    fake.advance(60_000);
    fake.revokeSource(sourceId);
    expect((await failure(conn.verify(session, calls.call, null))).kind).toBe('AUTH_REVOKED');
  });

  it('a key TomTom refuses is for the Tenpo operator, and never reaches the message', async () => {
    const { conn, session, calls } = await setup({}, 'wrong-key-value');
    const e = await failure(conn.verify(session, calls.call, null));
    expect(e).toMatchObject({ kind: 'PERMANENT', details: { status: 403, rule: 'tomtom.Forbidden' } });
    expect(JSON.stringify({ m: e.message, d: e.details })).not.toContain('wrong-key-value');
  });

  it('malformed connection settings name the field, never its value', () => {
    expect(() => connector().parseCredentials({ sourceId: 'has spaces/secret' })).toThrow(/sourceId/);
    expect(() => connector().parseCredentials({ sourceId: 'has spaces/secret' })).not.toThrow(/has spaces/);
  });
});

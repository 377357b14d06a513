/** The HERE feed file, its delivery and HERE's processing report, replayed against the fake HERE. */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../fakes/here/csv.ts';
import { connector, entry, location, setup } from './helpers.ts';

const decode = (b: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(b);
const at = new Date(Date.UTC(2030, 0, 15, 9, 30));

describe('HERE feed file', () => {
  it('is UTF-8 CSV without a byte order mark, one header and one row per store, named by the time', () => {
    const file = connector().feed.render([entry(location()), entry(location({ storeCode: 'TKY-002' }))], at);
    expect(file).toMatchObject({ name: 'tenpo_here_20300115T093000Z.csv', contentType: 'text/csv; charset=utf-8', rows: 2 });
    expect(file.body[0]).not.toBe(0xef);
    const { rows } = parseCsv(decode(file.body));
    expect(rows[0]?.[0]).toBe('supplier_place_id');
    expect(rows.map((r) => r[0])).toEqual(['supplier_place_id', 'TKY-001', 'TKY-002']);
  });

  it('keeps Japanese text intact and quotes cells holding commas, quotes and line breaks', () => {
    const description = '創業1985年、"本格"とんこつ\n深夜2時まで営業';
    const text = decode(connector().feed.render([entry(location({ description }))], at).body);
    expect(text).toContain('"創業1985年、""本格""とんこつ\n深夜2時まで営業"');
    const { rows } = parseCsv(text);
    const header = rows[0] as string[];
    const row = Object.fromEntries(header.map((h, i) => [h, rows[1]?.[i]]));
    expect(row).toMatchObject({
      name: 'てんぽ 赤坂店',
      name_translations: '{"en":"Tenpo Akasaka"}',
      country_code: 'JPN',
      state: '東京都',
      street: '３番２号',
      building: '赤坂ビル５F',
      postal_code: '107-0052',
      phones: '+81312345678',
      category_ids: '100-1000-0000',
      operating_status: 'open',
      description,
    });
    expect(JSON.parse(row.opening_hours as string)).toContainEqual({ start: 'T170000', duration: 'PT09H00M', recurrence: 'FREQ:DAILY;BYDAY:MO' });
  });

  it('writes a temporary closure with its reopening date and special hours as JSON cells', () => {
    const loc = location({ status: 'CLOSED_TEMPORARILY', statusDate: '2030-03-01', specialHours: [{ startDate: '2030-12-31', endDate: '2030-12-31', closed: true, intervals: [] }] });
    const { rows } = parseCsv(decode(connector().feed.render([entry(loc)], at).body));
    const header = rows[0] as string[];
    const cell = (name: string) => rows[1]?.[header.indexOf(name)];
    expect([cell('operating_status'), cell('status_date')]).toEqual(['temporarily_closed', '2030-03-01']);
    expect(JSON.parse(cell('special_hours') as string)).toEqual([{ date: '2030-12-31', closed: true }]);
  });
});

describe('HERE feed delivery and report', () => {
  it('uploads with a project-scoped token, reports PROCESSING until HERE has processed the file, then every row', async () => {
    const { fake, conn, session, calls, stored, projectHrn } = await setup({ processingDelayMs: 60_000 });
    const good = entry(location());
    // A row HERE refuses: its www is not an http(s) URL.
    const bad = { ...entry(location({ storeCode: 'TKY-002' })), projection: { ...entry(location({ storeCode: 'TKY-002' })).projection, www: 'ftp://tenpo.example' } };
    const file = conn.feed.render([good, bad], at);
    const { submissionId } = await conn.feed.upload(session, calls.call, file);

    expect(await conn.feed.report(session, calls.call, submissionId)).toEqual({ state: 'PROCESSING' });
    fake.advance(60_000);
    expect(await conn.feed.report(session, calls.call, submissionId)).toEqual({
      state: 'DONE',
      accepted: ['TKY-001'],
      rejected: [{ storeCode: 'TKY-002', message: 'www: www must be an http(s) URL', platformCode: 'INVALID_URL' }],
    });
    expect(calls.options.map((o) => o.kind)).toEqual(['edit', 'read', 'read']);
    // One token for the three requests, requested for the chain's project and stored.
    expect(fake.calls.filter((c) => c.path === '/oauth2/token')).toHaveLength(1);
    expect(stored).toEqual([expect.objectContaining({ projectHrn, accessToken: expect.any(String), expiresAt: expect.any(Number) })]);
    expect([...fake.feeds.values()][0]).toMatchObject({ projectHrn, fileName: file.name });
  });

  it('a retried upload of the same file is the same feed, not a second one', async () => {
    const { fake, conn, session, calls } = await setup();
    const file = conn.feed.render([entry(location())], at);
    const first = await conn.feed.upload(session, calls.call, file);
    const again = await conn.feed.upload(session, calls.call, file);
    expect(again).toEqual(first);
    expect(fake.feeds.size).toBe(1);
  });

  it('a file HERE cannot read fails whole, with HERE’s reason', async () => {
    const { fake, conn, session, calls } = await setup({ processingDelayMs: 0 });
    const file = conn.feed.render([entry(location())], at);
    const withBom = { ...file, body: new Uint8Array([0xef, 0xbb, 0xbf, ...file.body]) };
    const { submissionId } = await conn.feed.upload(session, calls.call, withBom);
    fake.advance(1);
    const report = await conn.feed.report(session, calls.call, submissionId);
    expect(report).toMatchObject({ state: 'FAILED', message: expect.stringContaining('header does not match') });
  });

  it('gets a fresh token once when HERE revoked the stored one, and carries on', async () => {
    const { fake, conn, session, calls } = await setup();
    const file = conn.feed.render([entry(location())], at);
    const { submissionId } = await conn.feed.upload(session, calls.call, file);
    fake.revokeTokens();
    expect(await conn.feed.report(session, calls.call, submissionId)).toEqual({ state: 'PROCESSING' });
    expect(fake.calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
      'POST /oauth2/token 200',
      'POST /v1/feeds 202',
      `GET /v1/feeds/${submissionId} 401`,
      'POST /oauth2/token 200',
      `GET /v1/feeds/${submissionId} 200`,
    ]);
  });

  it('a full snapshot: a store missing from the next file is removed by HERE', async () => {
    const { fake, conn, session, calls } = await setup({ processingDelayMs: 0 });
    await conn.feed.upload(session, calls.call, conn.feed.render([entry(location()), entry(location({ storeCode: 'TKY-002' }))], at));
    fake.advance(1);
    await conn.feed.upload(session, calls.call, conn.feed.render([entry(location())], new Date(at.getTime() + 3_600_000)));
    fake.advance(1);
    await conn.feed.report(session, calls.call, [...fake.feeds.keys()][1] as string);
    expect([...fake.places.values()].map((p) => [p.supplierPlaceId, p.status])).toEqual([
      ['TKY-001', 'LIVE'],
      ['TKY-002', 'REMOVED'],
    ]);
  });
});

import { csvLine } from '../../../src/import/csvWrite.ts';
import type { JsonValue } from '../connector.ts';
import type { ConnectorFeed, FeedReport } from '../feed.ts';
import { PlatformError } from '../errors.ts';
import type { ConnectorManifest } from '../manifest.ts';
import { publisherRequest, type PublisherEndpoint } from '../publisher/http.ts';
import { feedValue } from './values.ts';
import type { StandardSession } from './connector.ts';

type FeedDelivery = Extract<ConnectorManifest['delivery'], { kind: 'feed' }>;

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/**
 * A CSV feed in the columns the manifest lists (RFC 4180, UTF-8 with a byte order mark so that
 * spreadsheet tools read Japanese correctly), uploaded and reported on over the publisher
 * protocol's feed requests.
 */
export function csvFeed(
  manifest: ConnectorManifest,
  delivery: FeedDelivery,
  target: (session: StandardSession) => PublisherEndpoint,
): ConnectorFeed<StandardSession> {
  return {
    render(entries, generatedAt) {
      let text = '\uFEFF' + csvLine(delivery.columns.map((c) => c.header));
      for (const entry of entries) text += csvLine(delivery.columns.map((c) => feedValue(c.value, entry)));
      return { name: `${manifest.id}_${stamp(generatedAt)}.csv`, contentType: 'text/csv; charset=utf-8', body: new TextEncoder().encode(text), rows: entries.length };
    },
    async upload(session, call, file) {
      const body = await call({ kind: 'edit' }, ({ signal }) =>
        publisherRequest(target(session), { method: 'PUT', path: `/v1/feeds/${encodeURIComponent(file.name)}`, body: file.body, contentType: file.contentType, signal }),
      );
      const id = (body as { submissionId?: JsonValue } | null)?.submissionId;
      if (typeof id !== 'string') throw new PlatformError('PERMANENT', `${manifest.name} took the feed without a submission id.`);
      return { submissionId: id };
    },
    async report(session, call, submissionId): Promise<FeedReport> {
      const body = (await call({ kind: 'read' }, ({ signal }) =>
        publisherRequest(target(session), { method: 'GET', path: `/v1/feeds/${encodeURIComponent(submissionId)}`, signal }),
      )) as { state?: string; accepted?: string[]; rejected?: { storeCode: string; code?: string; detail?: string }[]; detail?: string };
      if (body.state === 'PROCESSING') return { state: 'PROCESSING' };
      if (body.state === 'FAILED') return { state: 'FAILED', message: body.detail ?? `${manifest.name} refused the whole file.` };
      if (body.state !== 'DONE') throw new PlatformError('PERMANENT', `${manifest.name} answered the feed report with an unknown state.`);
      return {
        state: 'DONE',
        accepted: body.accepted ?? [],
        rejected: (body.rejected ?? []).map((r) => ({ storeCode: r.storeCode, message: r.detail ?? 'rejected without a reason', platformCode: r.code ?? null })),
      };
    },
  };
}

/**
 * Delivering the feed file and reading HERE's processing report. HERE's supplier ingestion takes
 * the whole file in one request, named by the file (`fileName`): a retried upload of the same
 * name and content is answered with the feed already received, so a crash between upload and
 * bookkeeping does not make HERE process the file twice. The report lists every row, accepted
 * or rejected with the column and reason, once HERE has processed the file.
 */
import type { PlatformCall } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import type { ConnectorFeed, FeedFile, FeedReport } from '../runtime/feed.ts';
import { renderCsv } from './csv.ts';
import type { HereSession } from './session.ts';

interface RowResult {
  supplierPlaceId?: unknown;
  status?: unknown;
  errors?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function rejection(row: RowResult): { storeCode: string; message: string; platformCode: string | null } {
  const errors = Array.isArray(row.errors) ? (row.errors as { column?: unknown; code?: unknown; message?: unknown }[]) : [];
  const message = errors.map((e) => (str(e.column) ? `${e.column as string}: ${str(e.message) ?? 'invalid'}` : (str(e.message) ?? 'invalid'))).join('; ');
  return { storeCode: String(row.supplierPlaceId), message: message || 'rejected without a reason', platformCode: str(errors[0]?.code) ?? null };
}

async function upload(session: HereSession, call: PlatformCall, file: FeedFile): Promise<{ submissionId: string }> {
  const url = `${session.feedUrl}/v1/feeds?fileName=${encodeURIComponent(file.name)}`;
  const body = (await call({ kind: 'edit' }, ({ signal }) => session.request('feed', 'POST', url, signal, { contentType: file.contentType, data: file.body }))) as { feedId?: unknown } | null;
  const id = str(body?.feedId);
  if (!id) throw new PlatformError('PERMANENT', 'HERE took the feed without a feed id; the Tenpo operator must check the HERE connector.', { rule: 'here.feed.responseShape' });
  return { submissionId: id };
}

async function report(session: HereSession, call: PlatformCall, submissionId: string): Promise<FeedReport> {
  const url = `${session.feedUrl}/v1/feeds/${encodeURIComponent(submissionId)}`;
  const body = (await call({ kind: 'read' }, ({ signal }) => session.request('feed', 'GET', url, signal))) as { status?: unknown; cause?: unknown; results?: unknown } | null;
  switch (body?.status) {
    case 'RECEIVED':
    case 'PROCESSING':
      return { state: 'PROCESSING' };
    case 'FAILED':
      return { state: 'FAILED', message: str(body.cause) ?? 'HERE refused the whole file.' };
    case 'COMPLETED': {
      const rows = (Array.isArray(body.results) ? body.results : []) as RowResult[];
      return {
        state: 'DONE',
        accepted: rows.filter((r) => r.status === 'ACCEPTED').map((r) => String(r.supplierPlaceId)),
        rejected: rows.filter((r) => r.status === 'REJECTED').map(rejection),
      };
    }
    default:
      throw new PlatformError('PERMANENT', 'HERE answered the feed report with an unknown status; the Tenpo operator must check the HERE connector.', { rule: 'here.feed.unknownStatus' });
  }
}

export const hereFeed: ConnectorFeed<HereSession> = { render: renderCsv, upload, report };

/**
 * Delivering the feed and reading TomTom's processing report. The file goes up in one request
 * named by `fileName`; the same name and content again is answered with the feed already
 * queued, so a retried upload is not processed twice. The report lists every feature, accepted
 * (with TomTom's entityId) or rejected with the property at fault and TomTom's reason.
 */
import type { PlatformCall } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import type { ConnectorFeed, FeedFile, FeedReport } from '../runtime/feed.ts';
import { renderGeoJson } from './geojson.ts';
import type { TomTomSession } from './session.ts';

interface FeatureResult {
  id?: unknown;
  outcome?: unknown;
  issues?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function rejection(r: FeatureResult): { storeCode: string; message: string; platformCode: string | null } {
  const issues = Array.isArray(r.issues) ? (r.issues as { property?: unknown; code?: unknown; message?: unknown }[]) : [];
  const message = issues.map((i) => (str(i.property) ? `${i.property as string}: ${str(i.message) ?? 'invalid'}` : (str(i.message) ?? 'invalid'))).join('; ');
  return { storeCode: String(r.id), message: message || 'rejected without a reason', platformCode: str(issues[0]?.code) ?? null };
}

async function upload(session: TomTomSession, call: PlatformCall, file: FeedFile): Promise<{ submissionId: string }> {
  const body = (await call({ kind: 'edit' }, ({ signal }) =>
    session.request('feed', 'POST', `${session.sourcePath}/feeds`, { fileName: file.name }, signal, { contentType: file.contentType, data: file.body }),
  )) as { feedId?: unknown } | null;
  const id = str(body?.feedId);
  if (!id) throw new PlatformError('PERMANENT', 'TomTom took the feed without a feed id; the Tenpo operator must check the TomTom connector.', { rule: 'tomtom.feed.responseShape' });
  return { submissionId: id };
}

async function report(session: TomTomSession, call: PlatformCall, submissionId: string): Promise<FeedReport> {
  const body = (await call({ kind: 'read' }, ({ signal }) => session.request('feed', 'GET', `${session.sourcePath}/feeds/${encodeURIComponent(submissionId)}`, {}, signal))) as {
    status?: unknown;
    errorText?: unknown;
    features?: unknown;
  } | null;
  switch (body?.status) {
    case 'QUEUED':
    case 'PROCESSING':
      return { state: 'PROCESSING' };
    case 'FAILED':
      return { state: 'FAILED', message: str(body.errorText) ?? 'TomTom refused the whole file.' };
    case 'DONE': {
      const features = (Array.isArray(body.features) ? body.features : []) as FeatureResult[];
      return {
        state: 'DONE',
        accepted: features.filter((f) => f.outcome === 'ACCEPTED').map((f) => String(f.id)),
        rejected: features.filter((f) => f.outcome === 'REJECTED').map(rejection),
      };
    }
    default:
      throw new PlatformError('PERMANENT', 'TomTom answered the feed report with an unknown status; the Tenpo operator must check the TomTom connector.', { rule: 'tomtom.feed.unknownStatus' });
  }
}

export const tomtomFeed: ConnectorFeed<TomTomSession> = { render: renderGeoJson, upload, report };

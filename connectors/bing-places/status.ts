/**
 * Where Bing is with a business: GetBusinessStatusInfo answers QualityCheckInProgress,
 * QualityIssueFound (with the issues), PublishInProgress, Published (with PublishLink, and
 * HasPendingPublish while a later update waits) or Dropped. Only Published without a pending
 * publish is live.
 */
import type { PlatformCall } from '../runtime/connector.ts';
import type { BingSession } from './session.ts';

export interface BingStatus {
  live: boolean;
  publicUrl: string | null;
  status: string;
  issues: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function statusOf(session: BingSession, call: PlatformCall, storeId: string): Promise<BingStatus | null> {
  const body = await call({ kind: 'read', listingKey: storeId }, ({ signal }) =>
    session.post('GetBusinessStatusInfo', { PageNumber: 1, PageSize: 1, CriteriaType: 'SearchByStoreIds', StoreIds: [storeId] }, signal),
  );
  const list = Array.isArray(body.BusinessesStatusInfo) ? body.BusinessesStatusInfo.filter(isObject) : [];
  const info = list.find((s) => s.StoreId === storeId);
  if (!info) return null;
  const status = String(info.BusinessStatus ?? '');
  const issues = (Array.isArray(info.QualityIssues) ? info.QualityIssues.filter(isObject) : []).map((q) => [q.IssueType, ...(Array.isArray(q.SubIssueType) ? q.SubIssueType : [])].join(': '));
  return { live: status === 'Published' && info.HasPendingPublish !== true, publicUrl: typeof info.PublishLink === 'string' && info.PublishLink !== '' ? info.PublishLink : null, status, issues };
}

import { waitBeforeRetry } from '../../connectors/runtime/call.ts';
import { PlatformError } from '../../connectors/runtime/errors.ts';
import type { Engine } from '../listings/engine.ts';
import { findConnection } from '../platforms/repository.ts';
import { credentialsRevoked } from '../platforms/service.ts';

/**
 * The second half of a reply's path: publish or delete it on the platform, then record the
 * state. A job carries the reply version it was made for; when the reply has moved on (edited,
 * deleted, sent by an earlier job) it does nothing, so a job relayed twice or overtaken by an
 * edit never sends a stale text, and the platform sees each version once.
 */
export type SendOutcome =
  | { kind: 'done'; state: 'PUBLISHED' | 'DELETED' | 'FAILED' | 'STALE' }
  | { kind: 'deferred'; retryAfterMs: number }
  | { kind: 'retry'; error: PlatformError };

export async function sendReply(engine: Engine, reviewId: string, version: number, lastAttempt: boolean): Promise<SendOutcome> {
  const target = await engine.db
    .selectFrom('review_replies as rr')
    .innerJoin('reviews as r', 'r.id', 'rr.review_id')
    .innerJoin('listings as li', 'li.id', 'r.listing_id')
    .select(['rr.state', 'rr.version', 'rr.text', 'r.org_id', 'r.location_id', 'r.platform', 'r.platform_review_id', 'li.connection_id', 'li.platform_listing_id'])
    .where('rr.review_id', '=', reviewId)
    .executeTakeFirst();
  if (!target || target.version !== version || (target.state !== 'SENDING' && target.state !== 'DELETING')) return { kind: 'done', state: 'STALE' };

  const fail = async (reason: string): Promise<SendOutcome> => {
    await engine.db.updateTable('review_replies').set({ state: 'FAILED', failure_reason: reason, updated_at: new Date() }).where('review_id', '=', reviewId).where('version', '=', version).execute();
    announce(engine, target.org_id, reviewId, target.location_id);
    return { kind: 'done', state: 'FAILED' };
  };

  const connection = await findConnection(engine.db, target.connection_id);
  const connector = engine.registry.get(target.platform);
  if (!connection || connection.status !== 'ACTIVE') return fail(`The ${target.platform} connection is not active (${connection?.status_message ?? 'disconnected'}); reconnect it, then send the reply again.`);
  if (!connector?.reviews || !target.platform_listing_id) return fail(`Tenpo cannot publish replies on ${target.platform}.`);
  const session = engine.sessions.get(connector, connection);
  const call = engine.callFor(connector);
  const where = { platformListingId: target.platform_listing_id, platformReviewId: target.platform_review_id };

  try {
    if (target.state === 'SENDING') {
      const published = await connector.reviews.reply(session, call, { ...where, text: target.text });
      await engine.db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('review_replies')
          .set({ state: 'PUBLISHED', published_at: published.updatedAt, failure_reason: null, updated_at: new Date() })
          .where('review_id', '=', reviewId)
          .where('version', '=', version)
          .executeTakeFirst();
        if (updated.numUpdatedRows === 0n) return;
        await trx.insertInto('review_reply_sends').values({ review_id: reviewId, location_id: target.location_id, platform: target.platform, version }).execute();
        await trx
          .updateTable('reviews')
          .set((eb) => ({ platform_reply_text: published.text, platform_reply_at: published.updatedAt, answered_at: eb.fn.coalesce('answered_at', eb.val(published.updatedAt)) }))
          .where('id', '=', reviewId)
          .execute();
      });
      announce(engine, target.org_id, reviewId, target.location_id);
      return { kind: 'done', state: 'PUBLISHED' };
    }
    await connector.reviews.deleteReply(session, call, where);
    await engine.db.transaction().execute(async (trx) => {
      const deleted = await trx.deleteFrom('review_replies').where('review_id', '=', reviewId).where('version', '=', version).executeTakeFirst();
      if (deleted.numDeletedRows === 0n) return;
      await trx.updateTable('reviews').set({ platform_reply_text: null, platform_reply_at: null, answered_at: null }).where('id', '=', reviewId).execute();
    });
    announce(engine, target.org_id, reviewId, target.location_id);
    return { kind: 'done', state: 'DELETED' };
  } catch (raw) {
    const error = raw instanceof PlatformError ? raw : connector.classifyError(raw);
    const wait = waitBeforeRetry(error);
    if (wait !== null) return { kind: 'deferred', retryAfterMs: wait };
    if (error.kind === 'TRANSIENT' && !lastAttempt) return { kind: 'retry', error };
    if (error.kind === 'AUTH_REVOKED') await credentialsRevoked(engine, connection.id, error.message);
    if (error.kind === 'NOT_FOUND') return fail(`The review is no longer on ${connector.manifest.name}: the reviewer may have deleted it.`);
    return fail(error.message);
  }
}

function announce(engine: Engine, orgId: string, reviewId: string, locationId: string): void {
  engine.events?.publish(orgId, [{ kind: 'REPLY_CHANGED', reviewId, locationId }]);
}

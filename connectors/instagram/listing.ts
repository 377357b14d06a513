/**
 * Delivery and read-back for Instagram, through the linked Facebook Page. A listing is the
 * location Page (its id is the platform listing id) whose `instagram_business_account` is the
 * store's Instagram account. Accounts cannot be created through the API, so a "create" links the
 * location Page of the main Page that carries the store's code and has an Instagram account; the
 * writes then go through the Facebook connector's delivery. Tenpo sees what the Page holds but the
 * Instagram API does not show contact options back, so everything stays SUBMITTED: Instagram
 * takes it from the Page, and Tenpo cannot confirm the profile shows it.
 */
import type { DeliverRequest, DeliverResult, PlatformCall, PlatformListingSummary, ReadBackResult } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import { deliver as deliverToPage } from '../facebook/deliver.ts';
import { asString, isObject } from '../facebook/keys.ts';
import { projectionFromPage } from '../facebook/readBack.ts';
import type { GraphSession } from '../facebook/session.ts';
import { INSTAGRAM_KEYS } from './project.ts';

export function profileUrl(username: string): string {
  return `https://www.instagram.com/${username}/`;
}

interface Linked {
  pageId: string;
  igUserId: string;
  username: string;
}

function linkedOf(page: Record<string, unknown>): Linked | null {
  const ig = isObject(page.instagram_business_account) ? page.instagram_business_account : undefined;
  const pageId = asString(page.id);
  const igUserId = ig ? asString(ig.id) : undefined;
  if (!pageId || !igUserId) return null;
  return { pageId, igUserId, username: (ig ? asString(ig.username) : undefined) ?? igUserId };
}

async function linkedAccount(session: GraphSession, call: PlatformCall, pageId: string): Promise<Linked> {
  const page = await call({ kind: 'read', listingKey: pageId }, ({ signal }) => session.request<unknown>('GET', `/${pageId}`, { fields: 'id,instagram_business_account{id,username}' }, signal));
  const linked = isObject(page) ? linkedOf(page) : null;
  if (!linked) {
    throw new PlatformError('NOT_FOUND', 'The Facebook Page of this store has no Instagram professional account linked any more; link it again in Meta Business Suite.', { rule: 'instagram.account.unlinked' });
  }
  return linked;
}

/** The main Page's location Pages that have an Instagram account. */
export async function* linkedPages(session: GraphSession, call: PlatformCall, account: string): AsyncGenerator<Linked & { storeCode: string | null }> {
  for await (const page of session.list(call, `/${account}/locations`, { fields: 'id,store_code,instagram_business_account{id,username}', limit: 100 })) {
    for (const p of page) {
      const linked = linkedOf(p);
      if (linked) yield { ...linked, storeCode: asString(p.store_code) ?? null };
    }
  }
}

export async function* discover(session: GraphSession, call: PlatformCall, account: string): AsyncIterable<PlatformListingSummary> {
  for await (const l of linkedPages(session, call, account)) {
    yield { platformListingId: l.pageId, storeCode: l.storeCode, title: `@${l.username}`, publicUrl: profileUrl(l.username) };
  }
}

export async function deliver(session: GraphSession, call: PlatformCall, req: DeliverRequest): Promise<DeliverResult> {
  let pageId = req.platformListingId;
  if (pageId === null) {
    for await (const l of linkedPages(session, call, session.parentPageId('Instagram'))) {
      if (l.storeCode === req.storeCode) {
        pageId = l.pageId;
        break;
      }
    }
    if (pageId === null) {
      throw new PlatformError('INVALID', `Instagram accounts cannot be created through Instagram's API. Link the store's Instagram professional account to its Facebook location Page (store code ${req.storeCode}), then publish again.`, {
        rule: 'instagram.account.notLinked',
      });
    }
  }
  const linked = await linkedAccount(session, call, pageId);
  // A store linked just now gets everything Instagram shows; afterwards only what changed.
  const changed = req.platformListingId === null ? Object.keys(req.projection) : req.changed;
  await deliverToPage(session, call, { ...req, platformListingId: pageId, changed });
  return { platformListingId: pageId, publicUrl: profileUrl(linked.username), status: 'SUBMITTED' };
}

export async function readBack(session: GraphSession, call: PlatformCall, pageId: string): Promise<ReadBackResult> {
  const linked = await linkedAccount(session, call, pageId);
  const token = await session.pageToken(call, pageId);
  const page = await call({ kind: 'read', listingKey: pageId }, ({ signal }) => session.request<unknown>('GET', `/${pageId}`, { fields: 'id,location,phone' }, signal, { token }));
  // The profile itself proves the account is still there and readable with this connection.
  await call({ kind: 'read', listingKey: pageId }, ({ signal }) => session.request<unknown>('GET', `/${linked.igUserId}`, { fields: 'id,username,name,website' }, signal, { token }));
  return {
    current: isObject(page) ? projectionFromPage(page, INSTAGRAM_KEYS) : {},
    platformEdits: {},
    publicUrl: profileUrl(linked.username),
    status: 'SUBMITTED',
  };
}

/**
 * Instagram's Graph API is the Facebook Graph API (graph.facebook.com) with IG User nodes and a
 * Page's `instagram_business_account`, so the Instagram fake is the Facebook fake, plus a helper
 * that sets up what an Instagram store is: a location Page of the main Page with a linked
 * professional account.
 */
import { startFakeFacebook } from '../facebook/server.ts';
import type { FakeFacebook, FakeFacebookOptions } from '../facebook/server.ts';
import type { FakeIgUser, FakePage } from '../facebook/state.ts';

export type FakeInstagram = FakeFacebook;

export function startFakeInstagram(options: FakeFacebookOptions = {}): Promise<FakeInstagram> {
  return startFakeFacebook(options);
}

/** A location Page under `parentId` with `storeCode`, linked to a new Instagram account `username`. */
export function seedInstagramStore(fake: FakeInstagram, parentId: string, storeCode: string, username: string, page: Partial<FakePage> = {}): { page: FakePage; ig: FakeIgUser } {
  const { page: created } = fake.seedLocationPage(parentId, { name: username, store_code: storeCode, ...page });
  const ig = fake.seedIgUser(created.id, { username, name: username, biography: 'bio', website: 'https://tenpo.example' });
  return { page: created, ig };
}

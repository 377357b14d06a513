import type { Db } from '../db/database.ts';
import type { ListingRow } from '../db/schema.ts';

/** A listing as the API shows it: with its store's version, to tell an edit not yet synced. */
export type ListingView = ListingRow & { location_version: number };

function listingViews(db: Db) {
  return db.selectFrom('listings as li').innerJoin('locations as lo', 'lo.id', 'li.location_id').selectAll('li').select('lo.version as location_version');
}

export function findListingView(db: Db, id: string): Promise<ListingView | undefined> {
  return listingViews(db).where('li.id', '=', id).executeTakeFirst();
}

export function listingsOfLocation(db: Db, locationId: string): Promise<ListingView[]> {
  return listingViews(db).where('li.location_id', '=', locationId).orderBy('li.platform').orderBy('li.id').execute();
}

/** IN_SYNC means in sync with the store as it is now: an edit not yet delivered reads as PENDING. */
export function visibleStatus(listing: ListingView): ListingRow['status'] {
  if (listing.status === 'IN_SYNC' && listing.delivered_version !== null && listing.delivered_version < listing.location_version) return 'PENDING';
  return listing.status;
}

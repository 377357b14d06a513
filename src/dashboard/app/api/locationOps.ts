import { op, USER_ERROR_FIELDS, type UserError } from './client.ts';
import type { DayHours, Listing, ListingStatus, LocationDetail, LocationStatus, LocationSummary, PageInfo, SpecialHours } from './types.ts';

export const STORES = op<
  { node: { locations: { pageInfo: PageInfo; edges: { node: LocationSummary }[] } } | null },
  { org: string; first: number; after: string | null; search: string | null }
>(`query Stores($org: ID!, $first: Int!, $after: String, $search: String) {
  node(id: $org) {
    ... on Organization {
      locations(first: $first, after: $after, filter: { search: $search }) {
        pageInfo { hasNextPage endCursor }
        edges { node { id name storeCode status address { region city } listings { platform status } } }
      }
    }
  }
}`);

const LISTING_FIELDS = `fragment ListingFields on Listing {
  id platform status statusReason publicUrl
  manualTask { submitUrl valuesHash confirmedAt values { key label value changed } }
  lastError { message platformMessage }
  fields { field status }
  problems { kind field message rule }
  suggestedEdits { id platformField fields ourValue platformValue createdAt }
}`;

const LOCATION_FIELDS = `fragment LocationFields on Location {
  id version name storeCode status statusDate primaryPhone website description updatedAt
  address { region city lines }
  regularHours { day intervals { open close } }
  specialHours { startDate endDate closed intervals { open close } }
  listings { ...ListingFields }
}
${LISTING_FIELDS}`;

export const STORE = op<{ location: LocationDetail | null }, { id: string }>(`query Store($id: ID!) {
  location(id: $id) { ...LocationFields }
}
${LOCATION_FIELDS}`);

/** The listings alone, with the store version they describe, for the store page's live refresh. */
export const STORE_LISTINGS = op<{ location: { version: number; listings: Listing[] } | null }, { id: string }>(`query StoreListings($id: ID!) {
  location(id: $id) { version listings { ...ListingFields } }
}
${LISTING_FIELDS}`);

/** Only the fields the store page edits; a missing key leaves the field as it is. */
export interface LocationPatch {
  name?: string;
  primaryPhone?: string | null;
  website?: string | null;
  description?: string | null;
  status?: LocationStatus;
  statusDate?: string | null;
  regularHours?: DayHours[];
  specialHours?: SpecialHours[];
}

export const UPDATE_LOCATION = op<
  { updateLocation: { location: LocationDetail | null; errors: UserError[] } },
  { input: { id: string; expectedVersion: number; patch: LocationPatch } }
>(`mutation UpdateLocation($input: UpdateLocationInput!) {
  updateLocation(input: $input) { location { ...LocationFields } ${USER_ERROR_FIELDS} }
}
${LOCATION_FIELDS}`);

interface DecisionPayload {
  suggestedEdit: { id: string; status: string } | null;
  errors: UserError[];
}

export const ACCEPT_SUGGESTED_EDIT = op<{ acceptSuggestedEdit: DecisionPayload }, { id: string }>(`mutation AcceptSuggestedEdit($id: ID!) {
  acceptSuggestedEdit(input: { id: $id }) { suggestedEdit { id status } ${USER_ERROR_FIELDS} }
}`);

export const CONFIRM_MANUAL_LISTING = op<{ confirmManualListing: { listing: { id: string; status: ListingStatus } | null; errors: UserError[] } }, { id: string; valuesHash: string }>(`mutation ConfirmManualListing($id: ID!, $valuesHash: String!) {
  confirmManualListing(input: { listing: $id, valuesHash: $valuesHash }) { listing { id status } ${USER_ERROR_FIELDS} }
}`);

export const REJECT_SUGGESTED_EDIT = op<{ rejectSuggestedEdit: DecisionPayload }, { id: string }>(`mutation RejectSuggestedEdit($id: ID!) {
  rejectSuggestedEdit(input: { id: $id }) { suggestedEdit { id status } ${USER_ERROR_FIELDS} }
}`);

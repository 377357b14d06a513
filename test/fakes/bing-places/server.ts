/**
 * A fake of the Bing Places trusted-partner API (www.bingplaces.com/trustedPartnerApi/v1) on
 * 127.0.0.1, port 0: JSON POSTs to /CreateBusinesses, /UpdateBusinesses, /GetBusinesses and
 * /GetBusinessStatusInfo carrying `Identity` and `TrackingId`; businesses kept per Bing Places user
 * and keyed by StoreId; validation answered in `Errors` ({ "0": { StoreId, BusinessErrors } });
 * per-business results in CreatedBusinesses / UpdatedBusinesses; whole-request refusals as HTTP
 * 200 with OperationStatus false, ErrorCode and ErrorMessage; publishing states from
 * QualityCheckInProgress to Published; a per-minute quota answering 429; fault injection.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultQueue, startShell } from '../shell.ts';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface Identity {
  Puid: string;
  AuthProvider: string;
  EmailId: string;
}

export interface StoredBusiness {
  puid: string;
  listing: JsonObject;
  status: 'QualityCheckInProgress' | 'QualityIssueFound' | 'PublishInProgress' | 'Published' | 'Dropped';
  hasPendingPublish: boolean;
  ypid: string | null;
}

export interface RecordedCall {
  operation: string;
  body: JsonObject;
  status: number;
}

export interface Fault {
  status: number;
  body?: Json;
  retryAfterSeconds?: number;
}

export interface FakeBing {
  url: string;
  businesses: Map<string, StoredBusiness>;
  calls: RecordedCall[];
  serverErrors: string[];
  /** A Bing Places user that allows Tenpo as its partner. */
  addIdentity(identity: Identity): void;
  removeIdentity(puid: string): void;
  publish(storeId: string): void;
  editOnBing(storeId: string, patch: JsonObject): void;
  failNext(times: number, fault: Fault, match?: (operation: string) => boolean): void;
  close(): Promise<void>;
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const REQUIRED = ['StoreId', 'BusinessName', 'AddressLine1', 'City', 'StateOrProvince', 'Country', 'ZipCode'] as const;
const COLUMN: Record<string, string> = { StoreId: 'Store Id', BusinessName: 'Business Name', AddressLine1: 'Address Line1', City: 'City', StateOrProvince: 'State', Country: 'Country Code', ZipCode: 'Zip Code' };
const UNSUPPORTED_COUNTRIES = new Set(['GH']);
const HOURS = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (0[1-9]|1[0-2]):[0-5]\d (AM|PM)-(0[1-9]|1[0-2]):[0-5]\d (AM|PM)$/;

function validate(b: JsonObject): { ColumnName: string; ErrorMessage: string }[] {
  const out: { ColumnName: string; ErrorMessage: string }[] = [];
  for (const key of REQUIRED) if (typeof b[key] !== 'string' || b[key] === '') out.push({ ColumnName: COLUMN[key] as string, ErrorMessage: `${COLUMN[key]} is required` });
  if (typeof b.Country === 'string' && UNSUPPORTED_COUNTRIES.has(b.Country)) out.push({ ColumnName: 'Country Code', ErrorMessage: `${b.Country} is not a supported country/region` });
  const cats = isObject(b.Categories) && Array.isArray(b.Categories.BusinessCategories) ? b.Categories.BusinessCategories : [];
  if (cats.length === 0 || !cats.every((c) => isObject(c) && typeof c.BPCategoryId === 'number' && typeof c.CategoryName === 'string')) out.push({ ColumnName: 'Categories', ErrorMessage: 'At least one category with its BPCategoryId is required' });
  if (b.PhoneNumber !== undefined && !(typeof b.PhoneNumber === 'string' && /^\+?[\d\s()-]{7,20}$/.test(b.PhoneNumber))) out.push({ ColumnName: 'Phone Number', ErrorMessage: 'Invalid phone number' });
  if (b.MainWebSite !== undefined && !(typeof b.MainWebSite === 'string' && /^https?:\/\//.test(b.MainWebSite))) out.push({ ColumnName: 'Website', ErrorMessage: 'Invalid website' });
  if (b.OperatingHours !== undefined && !(Array.isArray(b.OperatingHours) && b.OperatingHours.every((h) => typeof h === 'string' && HOURS.test(h)))) out.push({ ColumnName: 'Operating Hours', ErrorMessage: 'Operating hours must look like "Mon 08:00 AM-08:00 PM"' });
  if (b.HolidayHours !== undefined && !(Array.isArray(b.HolidayHours) && b.HolidayHours.every((h) => isObject(h) && typeof h.Date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(h.Date) && (h.IsClosed === true || (typeof h.OpenTime === 'string' && typeof h.CloseTime === 'string'))))) {
    out.push({ ColumnName: 'Holiday Hours', ErrorMessage: 'Holiday hours need a Date and either IsClosed or OpenTime and CloseTime' });
  }
  return out;
}

const API = /^\/trustedPartnerApi\/v1\//;
const isApiCall = (req: IncomingMessage) => req.method === 'POST' && API.test(req.url ?? '');

/** The request's JSON object, or null when it is none. */
function objectOf(raw: Buffer): JsonObject | null {
  try {
    const parsed: unknown = JSON.parse(raw.toString('utf8') || 'null');
    return isObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
  return status;
}

/** What GetBusinesses answers: every member, Bing's empty defaults where nothing was sent. */
function view(b: StoredBusiness): JsonObject {
  return { AddressLine2: '', Latitude: '0', Longitude: '0', MainWebSite: '', FacebookAddress: '', TwitterAddress: '', Photos: [], OperatingHours: [''], IsClosed: false, ...b.listing };
}

export async function startFakeBing(options: { requestsPerMinute?: number; now?: () => number } = {}): Promise<FakeBing> {
  const now = options.now ?? Date.now;
  const identities = new Map<string, Identity>();
  const businesses = new Map<string, StoredBusiness>();
  const calls: RecordedCall[] = [];
  const serverErrors: string[] = [];
  const faults = new FaultQueue<[operation: string]>();
  const recent: number[] = [];
  let ypids = 14884659662320771000n;

  const refuse = (code: number, message: string, tracking: Json): JsonObject => ({ Errors: {}, TrackingId: tracking, OperationStatus: false, ErrorMessage: message, ErrorCode: code });

  function handle(operation: string, body: JsonObject): { status: number; body: JsonObject } {
    const tracking = body.TrackingId ?? null;
    const id = isObject(body.Identity) ? body.Identity : null;
    const known = id && typeof id.Puid === 'string' ? identities.get(id.Puid) : undefined;
    if (!known || !id || known.EmailId !== id.EmailId || known.AuthProvider !== id.AuthProvider) return { status: 200, body: refuse(3, 'Invalid identity: the user is not authorized for this partner', tracking) };
    const puid = known.Puid;
    const key = (storeId: string) => `${puid}/${storeId}`;

    if (operation === 'CreateBusinesses' || operation === 'UpdateBusinesses') {
      const list = Array.isArray(body.Businesses) ? body.Businesses : [];
      if (list.length < 1 || list.length > 1000) return { status: 200, body: refuse(4, 'Total number of businesses should be greater than or equal to 1 and less than or equal to 1000', tracking) };
      const errors: JsonObject = {};
      const results: JsonObject = {};
      list.forEach((raw, i) => {
        const b = isObject(raw) ? raw : {};
        const storeId = typeof b.StoreId === 'string' ? b.StoreId : '';
        const problems = validate(b);
        if (problems.length > 0) return void (errors[String(i)] = { StoreId: storeId, BusinessErrors: problems });
        const existing = businesses.get(key(storeId));
        if (operation === 'CreateBusinesses') {
          if (existing) return void (results[String(i)] = { StoreId: storeId, Operation: 'BUSINESS_ADD', Status: 'FAILED', ErrorMessage: `Create business failed since store ID ${storeId} already exists in your account.` });
          businesses.set(key(storeId), { puid, listing: structuredClone(b), status: 'QualityCheckInProgress', hasPendingPublish: false, ypid: null });
          return void (results[String(i)] = { StoreId: storeId, Operation: 'BUSINESS_ADD', Status: 'SUCCESSFUL', ErrorMessage: '' });
        }
        if (!existing) {
          return void (results[String(i)] = { StoreId: storeId, Operation: 'BUSINESS_UPDATE', Status: 'FAILED', ErrorMessage: `Update business failed since the store ID ${storeId} does not exist in your account. Provide the correct store ID and retry to update the business or use CreateBusiness API to add the business.`, WarningMessages: null });
        }
        existing.listing = structuredClone(b);
        if (existing.status === 'Published') existing.hasPendingPublish = true;
        results[String(i)] = { StoreId: storeId, Operation: 'BUSINESS_UPDATE', Status: 'SUCCESSFUL', ErrorMessage: '', WarningMessages: null };
      });
      const resultsKey = operation === 'CreateBusinesses' ? 'CreatedBusinesses' : 'UpdatedBusinesses';
      return { status: 200, body: { [resultsKey]: results, Errors: errors, TrackingId: tracking, OperationStatus: true, ErrorMessage: null, ErrorCode: 0 } };
    }

    const pageNumber = typeof body.PageNumber === 'number' ? body.PageNumber : 0;
    const pageSize = typeof body.PageSize === 'number' ? body.PageSize : 0;
    if (pageNumber < 1 || pageSize < 1 || pageSize > 1000) return { status: 200, body: refuse(5, 'PageNumber must be at least 1 and PageSize between 1 and 1000', tracking) };
    const mine = [...businesses.values()].filter((b) => b.puid === puid);
    const criteria = operation === 'GetBusinesses' ? (isObject(body.SearchCriteria) ? body.SearchCriteria : {}) : body;
    const storeIds = Array.isArray(criteria.StoreIds) ? criteria.StoreIds : null;
    const selected = criteria.CriteriaType === 'SearchByStoreIds' && storeIds ? mine.filter((b) => storeIds.includes(b.listing.StoreId as string)) : mine;
    const slice = selected.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
    if (operation === 'GetBusinesses') return { status: 200, body: { Businesses: slice.map(view), Errors: {}, TrackingId: tracking, OperationStatus: true, ErrorMessage: null, ErrorCode: 0 } };
    if (operation === 'GetBusinessStatusInfo') {
      const info = slice.map((b) => ({
        StoreId: b.listing.StoreId as string,
        BusinessStatus: b.status,
        QualityIssues: [],
        YPId: b.ypid,
        HasPendingPublish: b.hasPendingPublish,
        PublishLink: b.ypid ? `http://www.bing.com/mapspreview?ss=ypid.${b.ypid}&mkt=en-US` : null,
      }));
      return { status: 200, body: { BusinessesStatusInfo: info, Errors: {}, TrackingId: tracking, OperationStatus: true, ErrorMessage: null, ErrorCode: 0 } };
    }
    return { status: 404, body: { Message: `No HTTP resource was found that matches the request URI /${operation}.` } };
  }

  /** The per-minute quota: a 429 when the last minute used it up. */
  function limited(res: ServerResponse): number | undefined {
    const t = now();
    while (recent.length > 0 && (recent[0] as number) <= t - 60_000) recent.shift();
    if (options.requestsPerMinute !== undefined && recent.length >= options.requestsPerMinute) {
      return send(res, 429, { Message: 'Too many requests' }, { 'retry-after': String(Math.max(1, Math.ceil(((recent[0] as number) + 60_000 - t) / 1000))) });
    }
    recent.push(t);
    return undefined;
  }

  const { url, close } = await startShell({
    serverErrors,
    // The body stays {} in the record when Bing refuses the request's shape.
    open: ({ req, body }) => ({ operation: (req.url ?? '').replace(API, '').split('?')[0] ?? '', body: isApiCall(req) ? objectOf(body) : null }),
    // Bing refuses a request of the wrong shape before any fault could strike it.
    fault: (_ex, call) => (call.body ? faults.take(call.operation) : undefined),
    route: ({ req, res }, call) => {
      if (!isApiCall(req)) return send(res, 404, { Message: 'Not found' });
      if (!call.body) return send(res, 400, { Message: 'The request is invalid.' });
      const refused = limited(res);
      if (refused !== undefined) return refused;
      const out = handle(call.operation, call.body);
      return send(res, out.status, out.body);
    },
    record: (call, status) => calls.push({ operation: call.operation, body: call.body ?? {}, status }),
    send: ({ res }, status, body, headers) => send(res, status, body, headers),
    faultBody: () => ({ Message: 'Injected fault' }),
    crashBody: { Message: 'An error has occurred.' },
  });
  const find = (storeId: string) => {
    const b = [...businesses.values()].find((x) => x.listing.StoreId === storeId);
    if (!b) throw new Error(`no business ${storeId}`);
    return b;
  };

  return {
    url: `${url}/trustedPartnerApi/v1`,
    businesses,
    calls,
    serverErrors,
    addIdentity: (identity) => void identities.set(identity.Puid, identity),
    removeIdentity: (puid) => void identities.delete(puid),
    publish(storeId) {
      const b = find(storeId);
      ypids += 1n;
      b.ypid ??= `YN873x${ypids}`;
      b.status = 'Published';
      b.hasPendingPublish = false;
    },
    editOnBing(storeId, patch) {
      const b = find(storeId);
      b.listing = { ...b.listing, ...structuredClone(patch) };
    },
    failNext: (times, fault, match) => faults.add(times, fault, match),
    close,
  };
}

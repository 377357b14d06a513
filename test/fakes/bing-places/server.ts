/**
 * A fake of the Bing Places trusted-partner API (www.bingplaces.com/trustedPartnerApi/v1) on
 * 127.0.0.1, port 0: JSON POSTs to /CreateBusinesses, /UpdateBusinesses, /GetBusinesses and
 * /GetBusinessStatusInfo carrying `Identity` and `TrackingId`; businesses kept per Bing Places user
 * and keyed by StoreId; validation answered in `Errors` ({ "0": { StoreId, BusinessErrors } });
 * per-business results in CreatedBusinesses / UpdatedBusinesses; whole-request refusals as HTTP
 * 200 with OperationStatus false, ErrorCode and ErrorMessage; publishing states from
 * QualityCheckInProgress to Published; a per-minute quota answering 429; fault injection.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

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
  const faults: { left: number; fault: Fault; match?: (op: string) => boolean }[] = [];
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

  const server = createServer((req, res) => {
    void (async () => {
      const operation = (req.url ?? '').replace(/^\/trustedPartnerApi\/v1\//, '').split('?')[0] ?? '';
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      let body: JsonObject = {};
      const send = (status: number, out: Json, headers: Record<string, string> = {}) => {
        calls.push({ operation, body, status });
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(out));
      };
      try {
        if (req.method !== 'POST' || !(req.url ?? '').startsWith('/trustedPartnerApi/v1/')) return send(404, { Message: 'Not found' });
        try {
          const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
          if (!isObject(parsed)) return send(400, { Message: 'The request is invalid.' });
          body = parsed;
        } catch {
          return send(400, { Message: 'The request is invalid.' });
        }
        const fault = faults.find((f) => f.left > 0 && (!f.match || f.match(operation)));
        if (fault) {
          fault.left--;
          return send(fault.fault.status, fault.fault.body ?? { Message: 'Injected fault' }, fault.fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.fault.retryAfterSeconds) } : {});
        }
        const t = now();
        while (recent.length > 0 && (recent[0] as number) <= t - 60_000) recent.shift();
        if (options.requestsPerMinute !== undefined && recent.length >= options.requestsPerMinute) {
          return send(429, { Message: 'Too many requests' }, { 'retry-after': String(Math.max(1, Math.ceil(((recent[0] as number) + 60_000 - t) / 1000))) });
        }
        recent.push(t);
        const out = handle(operation, body);
        send(out.status, out.body);
      } catch (e) {
        serverErrors.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
        send(500, { Message: 'An error has occurred.' });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const find = (storeId: string) => {
    const b = [...businesses.values()].find((x) => x.listing.StoreId === storeId);
    if (!b) throw new Error(`no business ${storeId}`);
    return b;
  };

  return {
    url: `http://127.0.0.1:${port}/trustedPartnerApi/v1`,
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
    failNext: (times, fault, match) => void faults.push({ left: times, fault, ...(match ? { match } : {}) }),
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

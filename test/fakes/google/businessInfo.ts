/**
 * mybusinessaccountmanagement v1 (accounts.list / accounts.get) and mybusinessbusinessinformation v1
 * (accounts.locations.list / create, locations.get / patch / delete / getGoogleUpdated).
 */
import { badParameter, invalidArgument, notFound } from './errors.ts';
import { LOCATION_FIELDS, applyMask, clone, isKnownLocationPath, parseMask, pick } from './fieldMask.ts';
import { checkLocation, checkUpdateMask, unknownFields } from './rules.ts';
import { bodyObject, ok, pageSizeOf, paginate, proto3, unknownFieldsError } from './routing.ts';
import type { HandlerContext, Route } from './routing.ts';
import type { Location } from './state.ts';

const ACCOUNTS_PAGE = { dflt: 20, max: 20 };
const LOCATIONS_PAGE = { dflt: 10, max: 100 };

function readMaskOf(ctx: HandlerContext): string[] {
  const raw = ctx.req.query.readMask;
  const paths = parseMask(raw);
  if (paths.length === 0) throw badParameter('readMask', 'readMask is required.');
  const bad = paths.find((p) => !isKnownLocationPath(p));
  if (bad !== undefined) throw badParameter('readMask', `Invalid field in read mask: "${bad}".`);
  return paths;
}

function mustHaveAccount(ctx: HandlerContext, id: string): string {
  const name = `accounts/${id}`;
  if (!ctx.state.account(name)) throw notFound();
  return name;
}

function mustHaveLocation(ctx: HandlerContext, id: string): string {
  const name = `locations/${id}`;
  if (!ctx.state.hasLocation(name)) throw notFound();
  return name;
}

function quotaCtx(ctx: HandlerContext) {
  return { seq: ctx.req.seq, method: ctx.req.method, path: ctx.req.path, now: ctx.req.now };
}

// ---- filter and orderBy for accounts.locations.list --------------------------------------------

const FILTERABLE = new Set(['title', 'storeCode', 'languageCode', 'labels']);

function locationFilter(raw: string | undefined): (loc: Location) => boolean {
  if (raw === undefined || raw.trim() === '') return () => true;
  const clauses = raw.split(/\s+AND\s+/i).map((clause) => {
    const m = /^\s*([A-Za-z_]+)\s*([=:])\s*(?:"([^"]*)"|(\S+))\s*$/.exec(clause);
    if (!m || !FILTERABLE.has(m[1] as string)) throw badParameter('filter', `Unsupported filter: ${clause.trim()}`);
    return { field: m[1] as string, op: m[2] as string, value: (m[3] ?? m[4]) as string };
  });
  return (loc) =>
    clauses.every(({ field, op, value }) => {
      const v = (loc as Record<string, unknown>)[field];
      if (Array.isArray(v)) return v.includes(value);
      return op === '=' ? v === value : typeof v === 'string' && v.includes(value);
    });
}

function locationOrder(raw: string | undefined): ((a: Location, b: Location) => number) | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const keys = raw.split(',').map((part) => {
    const m = /^\s*(title|storeCode|store_code)(\s+desc)?\s*$/.exec(part);
    if (!m) throw badParameter('orderBy', `Invalid orderBy: ${part.trim()}`);
    return { field: m[1] === 'store_code' ? 'storeCode' : (m[1] as string), desc: m[2] !== undefined };
  });
  return (a, b) => {
    for (const { field, desc } of keys) {
      const x = String((a as Record<string, unknown>)[field] ?? '');
      const y = String((b as Record<string, unknown>)[field] ?? '');
      if (x !== y) return (x < y ? -1 : 1) * (desc ? -1 : 1);
    }
    return 0;
  };
}

// ---- handlers ------------------------------------------------------------------------------

function listAccounts(ctx: HandlerContext) {
  const { query } = ctx.req;
  const size = pageSizeOf(query.pageSize, ACCOUNTS_PAGE.dflt, ACCOUNTS_PAGE.max);
  let accounts = ctx.state.listAccounts();
  if (query.filter) {
    const m = /^\s*type\s*=\s*"?([A-Z_]+)"?\s*$/.exec(query.filter);
    if (!m) throw badParameter('filter', 'Only the "type" field can be filtered on.');
    accounts = accounts.filter((a) => a.type === m[1]);
  }
  const { page, nextPageToken } = paginate(accounts, size, query.pageToken, 'accounts');
  return ok(proto3({ accounts: page, nextPageToken }));
}

function getAccount(ctx: HandlerContext, [id]: string[]) {
  return ok(ctx.state.account(mustHaveAccount(ctx, id as string)));
}

function listLocations(ctx: HandlerContext, [id]: string[]) {
  const account = mustHaveAccount(ctx, id as string);
  const { query } = ctx.req;
  const mask = readMaskOf(ctx);
  const size = pageSizeOf(query.pageSize, LOCATIONS_PAGE.dflt, LOCATIONS_PAGE.max);
  const matches = locationFilter(query.filter);
  const order = locationOrder(query.orderBy);
  let all = ctx.state.locationNames(account).map((n) => ctx.state.location(n) as Location).filter(matches);
  if (order) all = [...all].sort(order);
  const { page, nextPageToken } = paginate(all, size, query.pageToken, `${account}/locations?${query.filter ?? ''}|${query.orderBy ?? ''}`);
  return ok(
    proto3({
      locations: page.map((loc) => pick(loc, mask)),
      nextPageToken,
      // "This field will only be returned if `filter` is used as a query parameter."
      totalSize: query.filter ? all.length : undefined,
    }),
  );
}

function getLocation(ctx: HandlerContext, [id]: string[]) {
  const name = mustHaveLocation(ctx, id as string);
  return ok(pick(ctx.state.location(name) as Location, readMaskOf(ctx)));
}

function getGoogleUpdated(ctx: HandlerContext, [id]: string[]) {
  const name = mustHaveLocation(ctx, id as string);
  const mask = readMaskOf(ctx);
  const view = ctx.state.googleView(name);
  if (!view) throw notFound();
  return ok(proto3({ location: pick(view.location, mask), diffMask: view.diffMask.join(','), pendingMask: '' }));
}

function patchLocation(ctx: HandlerContext, [id]: string[]) {
  const name = mustHaveLocation(ctx, id as string);
  const { query } = ctx.req;
  const paths = parseMask(query.updateMask);
  const maskProblems = checkUpdateMask(paths);
  if (maskProblems.length > 0) throw invalidArgument(maskProblems);
  const body = bodyObject(ctx.req.body, 'location');
  const unknown = unknownFields(body);
  if (unknown.length > 0) unknownFieldsError(unknown, 'location');

  const next = ctx.state.location(name) as Location;
  delete next.metadata;
  applyMask(next as Record<string, unknown>, body, paths);
  const problems = checkLocation(next, new Set(paths.map((p) => p.split('.')[0] as string)));
  if (problems.length > 0) throw invalidArgument(problems);

  // "If true, the request is validated without actually updating the location ... The response
  // will be empty if no errors were found."
  if (query.validateOnly === 'true') return ok({});

  ctx.quota.checkEdit(name, quotaCtx(ctx));
  ctx.state.replaceLocation(name, next, paths);
  ctx.quota.recordEdit(name, ctx.req.now);
  return ok(ctx.state.location(name));
}

function createLocation(ctx: HandlerContext, [id]: string[]) {
  const account = mustHaveAccount(ctx, id as string);
  const { query } = ctx.req;
  const requestId = query.requestId;
  const earlier = requestId ? ctx.state.createdBy(requestId) : undefined;
  if (earlier && ctx.state.hasLocation(earlier)) return ok(ctx.state.location(earlier));

  const body = bodyObject(ctx.req.body, 'location');
  const unknown = unknownFields(body);
  if (unknown.length > 0) unknownFieldsError(unknown, 'location');
  const loc = clone(body) as Location;
  delete loc.name;
  delete loc.metadata;
  const problems = checkLocation(loc, new Set(Object.keys(LOCATION_FIELDS)));
  if (problems.length > 0) throw invalidArgument(problems);
  if (query.validateOnly === 'true') return ok({});

  ctx.quota.checkCreate(quotaCtx(ctx));
  const created = ctx.state.addLocation(account, loc);
  ctx.quota.recordCreate(ctx.req.now);
  if (requestId) ctx.state.rememberCreate(requestId, created.name as string);
  return ok(created);
}

function deleteLocation(ctx: HandlerContext, [id]: string[]) {
  ctx.state.deleteLocation(mustHaveLocation(ctx, id as string));
  return ok({});
}

const SEG = '([^/:]+)';

export const businessInfoRoutes: Route[] = [
  { method: 'GET', pattern: /^\/v1\/accounts$/, handler: listAccounts },
  { method: 'GET', pattern: new RegExp(`^/v1/accounts/${SEG}$`), handler: getAccount },
  { method: 'GET', pattern: new RegExp(`^/v1/accounts/${SEG}/locations$`), handler: listLocations },
  { method: 'POST', pattern: new RegExp(`^/v1/accounts/${SEG}/locations$`), handler: createLocation },
  { method: 'GET', pattern: new RegExp(`^/v1/locations/${SEG}$`), handler: getLocation },
  { method: 'GET', pattern: new RegExp(`^/v1/locations/${SEG}:getGoogleUpdated$`), handler: getGoogleUpdated },
  { method: 'PATCH', pattern: new RegExp(`^/v1/locations/${SEG}$`), handler: patchLocation },
  { method: 'DELETE', pattern: new RegExp(`^/v1/locations/${SEG}$`), handler: deleteLocation },
];

/**
 * What handlers share: the request as parsed by the server, their context, routes, and the paging
 * and proto3-JSON helpers Google's list methods behave by.
 */
import { createHash } from 'node:crypto';
import type { FakeClock } from './clock.ts';
import { badParameter, invalidArgument } from './errors.ts';
import type { QuotaTracker } from './quota.ts';
import type { GbpState } from './state.ts';

export interface ApiRequest {
  seq: number;
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  now: number;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface HandlerContext {
  req: ApiRequest;
  state: GbpState;
  quota: QuotaTracker;
  clock: FakeClock;
}

export type Handler = (ctx: HandlerContext, params: string[]) => ApiResponse;

export interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

export const SERVICES = {
  oauth: 'oauth2.googleapis.com',
  accountmanagement: 'mybusinessaccountmanagement.googleapis.com',
  businessinformation: 'mybusinessbusinessinformation.googleapis.com',
  'mybusiness-v4': 'mybusiness.googleapis.com',
  unknown: 'unknown.googleapis.com',
} as const;
export type ApiName = keyof typeof SERVICES;

/** Which Google API a path belongs to (each has its own requests-per-minute quota). */
export function apiOf(path: string): ApiName {
  if (path === '/token') return 'oauth';
  if (/^\/v1\/accounts(\/[^/:]+)?$/.test(path)) return 'accountmanagement';
  if (/^\/v1\/(accounts\/[^/]+\/locations|locations\/)/.test(path)) return 'businessinformation';
  if (path.startsWith('/v4/')) return 'mybusiness-v4';
  return 'unknown';
}

export function ok(body: unknown): ApiResponse {
  return { status: 200, body };
}

/** The JSON body as an object, or Google's "Invalid JSON payload" 400. */
export function bodyObject(body: unknown, messageName: string): Record<string, unknown> {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const d = `Invalid JSON payload received. Expected an object for '${messageName}'.`;
    throw invalidArgument([{ field: messageName, description: d, code: 'INVALID_VALUE' }], { message: d, validation: false });
  }
  return body as Record<string, unknown>;
}

/** Google's answer to JSON fields it does not know. */
export function unknownFieldsError(names: string[], messageName: string): never {
  const d = names.map((n) => `Invalid JSON payload received. Unknown name "${n}" at '${messageName}': Cannot find field.`).join('\n');
  throw invalidArgument(
    names.map((n) => ({
      field: messageName,
      description: `Invalid JSON payload received. Unknown name "${n}" at '${messageName}': Cannot find field.`,
      code: 'INVALID_VALUE' as const,
    })),
    { message: d, validation: false },
  );
}

/** Validated page size: absent or 0 → `dflt`; above `max` or negative → 400. */
export function pageSizeOf(raw: unknown, dflt: number, max: number): number {
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw badParameter('pageSize', `pageSize must be a non-negative integer, got "${String(raw)}".`);
  if (n > max) throw badParameter('pageSize', `pageSize must be at most ${max}.`);
  return n === 0 ? dflt : n;
}

/**
 * One page of `items`. Page tokens are opaque to clients; they bind the offset to the list they
 * came from (`scope`), and a token from elsewhere is refused like Google refuses a bad token.
 */
export function paginate<T>(items: readonly T[], pageSize: number, pageToken: unknown, listKey: string): { page: T[]; nextPageToken?: string } {
  const scope = createHash('sha256').update(listKey).digest('base64url').slice(0, 12);
  let offset = 0;
  if (pageToken !== undefined && pageToken !== '') {
    let parsed: { s?: unknown; o?: unknown } = {};
    try {
      parsed = JSON.parse(Buffer.from(String(pageToken), 'base64url').toString('utf8')) as typeof parsed;
    } catch {
      /* falls through to the check below */
    }
    if (parsed.s !== scope || typeof parsed.o !== 'number' || parsed.o < 0) throw badParameter('pageToken', 'Invalid page token.');
    offset = parsed.o;
  }
  const page = items.slice(offset, offset + pageSize);
  const next = offset + pageSize;
  if (next < items.length) {
    return { page, nextPageToken: Buffer.from(JSON.stringify({ s: scope, o: next })).toString('base64url') };
  }
  return { page };
}

/** Proto3 JSON leaves out empty lists, zero numbers and empty strings. */
export function proto3(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined || v === 0 || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}

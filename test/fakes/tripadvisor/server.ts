/**
 * A fake Tripadvisor Content API on loopback (api.content.tripadvisor.com/api/v1 paths): the key
 * in the `key` query parameter, location details, and at most five most recent reviews per
 * location, with the API's error bodies and fault injection. The partner (listing) half of the
 * connector runs against test/fakes/publisher instead.
 */
import type { ServerResponse } from 'node:http';
import { startShell, takeListed, type Exchange } from '../shell.ts';

export interface FakeTaReview {
  id: number;
  locationId: string;
  lang: string;
  published: number;
  rating: number;
  title: string;
  text: string;
  username: string;
}

export interface FakeTaLocation {
  id: string;
  name: string;
  category: 'hotel' | 'restaurant' | 'attraction';
}

const LANGUAGES = new Set(['en', 'ja', 'fr', 'de', 'es', 'it', 'zh_TW', 'ko']);

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
  return status;
}
const errorBody = (status: number, type: string, message: string) => ({ error: { message, type, code: status } });
const error = (res: ServerResponse, status: number, type: string, message: string) => send(res, status, errorBody(status, type, message));

export async function startFakeTripadvisor(options: { key?: string } = {}) {
  const key = options.key ?? 'content-key';
  const locations = new Map<string, FakeTaLocation>();
  const reviews: FakeTaReview[] = [];
  const calls: { path: string; query: Record<string, string>; status: number }[] = [];
  const faults: { match: RegExp; status: number; times: number; retryAfter?: string }[] = [];
  const serverErrors: string[] = [];
  let nextReview = 900_000_001;

  function route({ method, res, url }: Exchange): number {
    if (method !== 'GET') return error(res, 405, 'MethodNotAllowed', 'Only GET is supported');
    if (url.searchParams.get('key') !== key) return error(res, 401, 'UnauthorizedException', 'Unauthorized: invalid or missing key');
    const language = url.searchParams.get('language') ?? 'en';
    if (!LANGUAGES.has(language)) return error(res, 400, 'InvalidLanguage', `Unsupported language ${language}`);
    const m = /^\/api\/v1\/location\/(\d+)\/(details|reviews)$/.exec(url.pathname);
    if (!m) return error(res, 404, 'NotFound', 'Not Found');
    const location = locations.get(m[1] as string);
    if (!location) return error(res, 404, 'NotFoundException', `Location ${m[1]} not found`);
    if (m[2] === 'details') {
      return send(res, 200, { location_id: location.id, name: location.name, web_url: `https://www.tripadvisor.com/Restaurant_Review-g1-d${location.id}-Reviews.html`, category: { name: location.category, localized_name: location.category } });
    }
    const limit = Number(url.searchParams.get('limit') ?? '5');
    const offset = Number(url.searchParams.get('offset') ?? '0');
    if (!Number.isInteger(limit) || limit < 1 || limit > 5) return error(res, 400, 'InvalidParameter', 'limit must be between 1 and 5');
    // Only the five most recent are ever visible, whatever the offset.
    const visible = reviews.filter((r) => r.locationId === location.id).sort((a, b) => b.published - a.published).slice(0, 5);
    const data = visible.slice(offset, offset + limit).map((r) => ({
      id: r.id,
      lang: r.lang,
      location_id: Number(r.locationId),
      published_date: new Date(r.published).toISOString().replace('.000Z', 'Z'),
      rating: r.rating,
      helpful_votes: 0,
      rating_image_url: `https://www.tripadvisor.com/img/cdsi/img2/ratings/traveler/s${r.rating}.0.svg`,
      url: `https://www.tripadvisor.com/ShowUserReviews-g1-d${r.locationId}-r${r.id}.html`,
      text: r.text,
      title: r.title,
      trip_type: 'Couples',
      user: { username: r.username, user_location: { id: '1', name: 'Tokyo' }, avatar: { thumbnail: 'https://media-cdn.tripadvisor.com/avatar.jpg' } },
    }));
    return send(res, 200, { data });
  }

  const shell = await startShell({
    serverErrors,
    open: ({ req, url }) => {
      // Checked on arrival, so that a request an injected fault answers is checked too.
      if (req.headers.authorization) serverErrors.push(`${url.pathname}: the Content API takes its key in the query, not in Authorization`);
      return { path: url.pathname, query: Object.fromEntries(url.searchParams) };
    },
    // The API answers only GETs; anything else is refused before a fault could strike it.
    fault: ({ method, url }) => (method === 'GET' ? takeListed(faults, url.pathname) : undefined),
    route,
    record: (call, status) => calls.push({ ...call, status }),
    send: ({ res }, status, body, headers) => send(res, status, body, headers),
    faultBody: (status) => errorBody(status, 'InjectedFault', 'Injected fault'),
  });
  const url = `${shell.url}/api/v1`;

  return {
    url,
    key,
    calls,
    faults,
    serverErrors,
    seedLocation(l: FakeTaLocation): FakeTaLocation {
      locations.set(l.id, l);
      return l;
    },
    seedReview(r: Omit<FakeTaReview, 'id'>): FakeTaReview {
      const review = { ...r, id: nextReview++ };
      reviews.push(review);
      return review;
    },
    close: shell.close,
  };
}

export type FakeTripadvisor = Awaited<ReturnType<typeof startFakeTripadvisor>>;

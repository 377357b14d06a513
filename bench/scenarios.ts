/** The three HTTP scenarios: bare hello, Tenpo's locations page, and updateLocation. */
import type autocannon from 'autocannon';
import { bump, graphqlRequest, type Scenario } from './load.ts';

function bodyCheckedScenario(name: string, body: string, headers: Record<string, string>): Scenario {
  let failures = new Map<string, number>();
  return {
    name,
    requests: () => [graphqlRequest(body, headers, failures)],
    takeFailures() {
      const taken = failures;
      failures = new Map();
      return taken;
    },
  };
}

export const HELLO_QUERY = '{ hello }';
export const LOCATIONS_QUERY =
  '{ locations(first: 50) { edges { node { id storeCode name address { city } primaryPhone regularHours { day intervals { open close } } } } pageInfo { endCursor } } }';
export const UPDATE_MUTATION =
  'mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { location { id version name } errors { code message } } }';

export const helloScenario = (): Scenario => bodyCheckedScenario('hello (bare yoga)', JSON.stringify({ query: HELLO_QUERY }), {});

export const locationsScenario = (apiKey: string): Scenario =>
  bodyCheckedScenario('locations(first: 50)', JSON.stringify({ query: LOCATIONS_QUERY }), { authorization: `Bearer ${apiKey}` });

export interface OwnedLocation {
  /** Global ID. */
  id: string;
  version: number;
}

interface UpdateResponse {
  data?: { updateLocation?: { location: { version: number } | null; errors: { code: string; message: string }[] } };
  errors?: { message: string }[];
}

/**
 * Versions move with every update, so a request is only valid if nobody else updated its
 * location since we learnt the version. Each in-flight request therefore holds a location
 * alone: setupRequest takes one from the free queue into the request's autocannon context
 * (which lives exactly from setupRequest to the matching onResponse), and onResponse puts it
 * back with the version the server returned. No expected conflicts: any that happen are a bug
 * and are reported, as is every other failure. A location whose update failed (or whose
 * request was cut off at the end of a run) is not reused, since its version is unknown.
 */
export function updateScenario(apiKey: string, locations: OwnedLocation[]): Scenario & { lost(): number } {
  const free = [...locations];
  let failures = new Map<string, number>();
  let serial = 0;
  let taken = 0;
  let returned = 0;
  type Context = { location?: OwnedLocation };

  const request: autocannon.Request = {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    setupRequest: (req, context) => {
      // Only if failures ate the whole pool: send a deliberately stale version, which fails
      // loudly below, rather than crash autocannon or quietly send nothing.
      const location = free.shift() ?? { id: locations[0]!.id, version: -1 };
      (context as Context).location = location;
      taken++;
      serial++;
      const patch = serial % 2 ? { name: `てんぽ ベンチ店 ${serial}` } : { description: `ベンチマーク更新 #${serial}` };
      return { ...req, body: JSON.stringify({ query: UPDATE_MUTATION, variables: { input: { id: location.id, expectedVersion: location.version, patch } } }) };
    },
    onResponse: (status, text, context) => {
      const location = (context as Context).location;
      if (status < 200 || status >= 300 || !location) return; // counted by autocannon as non-2xx
      let body: UpdateResponse;
      try {
        body = JSON.parse(text) as UpdateResponse;
      } catch {
        return bump(failures, `unparseable response: ${text.slice(0, 120)}`);
      }
      const payload = body.data?.updateLocation;
      if (body.errors?.length) return bump(failures, `GraphQL error: ${body.errors[0]!.message}`);
      if (!payload) return bump(failures, 'no updateLocation payload');
      if (payload.errors.length > 0) return bump(failures, `${payload.errors[0]!.code}: ${payload.errors[0]!.message}`);
      if (!payload.location || payload.location.version !== location.version + 1) {
        return bump(failures, `unexpected version ${payload.location?.version} after ${location.version}`);
      }
      location.version = payload.location.version;
      free.push(location);
      returned++;
    },
  };
  return {
    name: 'updateLocation',
    requests: () => [request],
    takeFailures() {
      const out = failures;
      failures = new Map();
      return out;
    },
    lost: () => taken - returned,
  };
}

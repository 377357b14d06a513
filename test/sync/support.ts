import { afterAll, beforeAll, expect } from 'vitest';
import { createOrgWithKey, startApi, type TestApi, type TestOrg } from '../support/api.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { tokyoStore } from '../support/fixtures.ts';
import { eventually, startSyncHarness, type SyncHarness, type SyncHarnessOptions } from '../support/sync.ts';

export interface SyncSuite {
  database: TestDatabase;
  harness: SyncHarness;
  api: TestApi;
  org: TestOrg;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  createStore(storeCode: string, overrides?: Record<string, unknown>): Promise<{ id: string; version: number }>;
  updateStore(id: string, version: number, patch: Record<string, unknown>): Promise<{ id: string; version: number }>;
  connectGoogle(account: string, refreshToken: string, extra?: Record<string, unknown>): Promise<{ id: string; status: string }>;
  listing(locationId: string): Promise<ListingState>;
  waitForListing(locationId: string, ready: (l: ListingState) => boolean, what?: string): Promise<ListingState>;
}

export interface ListingState {
  id: string;
  status: string;
  platformListingId: string | null;
  publicUrl: string | null;
  fields: { field: string; status: string }[];
  problems: { kind: string; field: string | null; rule: string; message: string }[];
  lastError: { code: string; message: string } | null;
  suggestedEdits: { id: string; platformField: string; platformValue: unknown; ourValue: unknown }[];
}

const LISTING = `id status platformListingId publicUrl fields { field status } problems { kind field rule message } lastError { code message }
  suggestedEdits { id platformField platformValue ourValue }`;

/** A database, the sync harness with workers, and the API, for a spec file; torn down after it. */
/**
 * A platform fake for a suite whose connectors reach it: call before useSyncSuite, so that the
 * fake is up when the engine is built. At the end it must have logged no errors of its own.
 */
export function useFakeBeforeSuite<F extends { serverErrors: string[]; close(): Promise<void> }>(start: () => Promise<F>): { readonly current: F } {
  const holder = {} as { current: F };
  beforeAll(async () => {
    holder.current = await start();
  });
  afterAll(async () => {
    expect(holder.current.serverErrors).toEqual([]);
    await holder.current.close();
  });
  return holder;
}

export function useSyncSuite(options: SyncHarnessOptions & { workers?: boolean } = {}): SyncSuite {
  const suite = {} as SyncSuite;
  beforeAll(async () => {
    suite.database = await createTestDatabase();
    suite.harness = await startSyncHarness(suite.database.db, options);
    if (options.workers !== false) await suite.harness.startWorkers();
    suite.api = await startApi(suite.database.db, { engine: suite.harness.engine });
    suite.org = await createOrgWithKey(suite.database.db);
  }, 30_000);
  afterAll(async () => {
    await suite.api?.close();
    await suite.harness?.close();
    await suite.database?.drop();
  }, 30_000);

  suite.gql = async (query, variables) => {
    const res = await suite.api.gql(query, variables, suite.org.key);
    expect(res.errors).toBeUndefined();
    return res.data as never;
  };
  suite.createStore = async (storeCode, overrides = {}) => {
    const data = await suite.gql(`mutation($input: CreateLocationInput!) { createLocation(input: $input) { location { id version } errors { code message path } } }`, {
      input: { organizationId: suite.org.gid, location: tokyoStore(storeCode, overrides) },
    });
    expect(data.createLocation.errors).toEqual([]);
    return data.createLocation.location;
  };
  suite.updateStore = async (id, version, patch) => {
    const data = await suite.gql(`mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { location { id version } errors { code message path } } }`, {
      input: { id, expectedVersion: version, patch },
    });
    expect(data.updateLocation.errors).toEqual([]);
    return data.updateLocation.location;
  };
  suite.connectGoogle = async (account, refreshToken, extra = {}) => {
    const data = await suite.gql(`mutation($input: ConnectPlatformInput!) { connectPlatform(input: $input) { connection { id status account } errors { code message path } } }`, {
      input: { organizationId: suite.org.gid, platform: 'google', account, credentials: { refreshToken }, ...extra },
    });
    expect(data.connectPlatform.errors).toEqual([]);
    return data.connectPlatform.connection;
  };
  suite.listing = async (locationId) => {
    const data = await suite.gql(`query($id: ID!) { location(id: $id) { listings { ${LISTING} } } }`, { id: locationId });
    return data.location.listings[0];
  };
  suite.waitForListing = (locationId, ready, what = 'listing state') =>
    eventually(async () => {
      const l = await suite.listing(locationId);
      return l && ready(l) ? l : undefined;
    }, 30_000, what);
  return suite;
}

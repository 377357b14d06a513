import { afterAll, beforeAll } from 'vitest';
import { createOrgWithKey, startApi, type TestApi, type TestOrg } from './api.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export interface ApiSuite {
  database: TestDatabase;
  api: TestApi;
  /** An organisation with an OWNER API key. */
  org: TestOrg;
}

/** A database of the test file's own, the API on it, and one organisation; torn down after the file. */
export function useApiSuite(options: { maxBodyBytes?: number } = {}): ApiSuite {
  const suite = {} as ApiSuite;
  beforeAll(async () => {
    suite.database = await createTestDatabase();
    suite.api = await startApi(suite.database.db, options);
    suite.org = await createOrgWithKey(suite.database.db);
  });
  afterAll(async () => {
    await suite.api?.close();
    await suite.database?.drop();
  });
  return suite;
}

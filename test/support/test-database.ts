import { randomUUID } from 'node:crypto';
import { databaseUrl, dropDatabase, ensureDatabase } from '../../dev/postgres';
import { runMigrations } from '../../src/persistence/migrate';
import { stoppedWithTestFile } from './file-teardown';
import { requiredTestEnv, TEST_ENV } from './test-env';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file (on the shared server unless `adminUrl` names another); dropped when the file ends unless `drop` ran before. */
export async function createTestDatabase(options: { migrate?: boolean; adminUrl?: string } = {}): Promise<TestDatabase> {
  const adminUrl = options.adminUrl ?? requiredTestEnv(TEST_ENV.postgresAdminUrl);
  const name = `test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await ensureDatabase(adminUrl, name);
  const url = databaseUrl(adminUrl, name);
  if (options.migrate ?? true) await runMigrations(url);
  return { url, name, drop: stoppedWithTestFile(() => dropDatabase(adminUrl, name)) };
}

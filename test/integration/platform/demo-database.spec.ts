import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl, dropDatabaseNobodyUses, ensureDatabase } from '../../../dev/postgres';
import { requiredTestEnv, TEST_ENV } from '../../support/test-env';

/** `npm run demo` recreates its database: never from under a demo that is still running on it. */
describe('the demo database', () => {
  const adminUrl = () => requiredTestEnv(TEST_ENV.postgresAdminUrl);
  const exists = async (name: string) => {
    const admin = new Client({ connectionString: adminUrl() });
    await admin.connect();
    try {
      return (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    } finally {
      await admin.end();
    }
  };

  it('is not dropped while another demo is connected to it, and is once nobody is', async () => {
    const name = `demo_in_use_${randomBytes(4).toString('hex')}`;
    await ensureDatabase(adminUrl(), name);
    const firstDemo = new Client({ connectionString: databaseUrl(adminUrl(), name) });
    await firstDemo.connect();
    try {
      await expect(dropDatabaseNobodyUses(adminUrl(), name)).rejects.toThrow(/is in use \(another npm run demo.*stop that demo first/);
      expect((await firstDemo.query('SELECT 1 AS alive')).rows).toEqual([{ alive: 1 }]);
      expect(await exists(name)).toBe(true);
    } finally {
      await firstDemo.end();
    }
    await dropDatabaseNobodyUses(adminUrl(), name);
    expect(await exists(name)).toBe(false);
  });
});

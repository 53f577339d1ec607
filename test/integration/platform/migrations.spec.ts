import { Client } from 'pg';
import { runMigrations } from '../../../src/persistence/migrate';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

describe('migrations', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });

  afterAll(async () => {
    await database.drop();
  });

  it('create the schema on an empty database and apply nothing the second time', async () => {
    await runMigrations(database.url);
    expect(await runMigrations(database.url)).toEqual([]);

    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const tables = await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
      expect(tables.rows.map((row: { table_name: string }) => row.table_name)).toContain('schema_migrations');
    } finally {
      await client.end();
    }
  });
});

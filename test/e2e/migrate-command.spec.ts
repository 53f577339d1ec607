import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { MIGRATIONS } from '../../src/persistence/migrations';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const ROOT = join(__dirname, '..', '..');

/** `npm run migrate` compiles (a clean clone has no dist/), then runs the compiled migrator. */
describe('npm run migrate', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('goes through the bootstrap, which compiles before it hands over to the migrator', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.migrate).toBe('node dev/bootstrap.js migrate');
    const bootstrap = readFileSync(join(ROOT, 'dev', 'bootstrap.js'), 'utf8');
    expect(bootstrap).toMatch(/case 'migrate':\s*build\(\);\s*handOver\('dist\/src\/persistence\/migrate\.js', args\);/);
  });

  it('applies every migration to an empty database, and nothing the second time', async () => {
    const migrate = () => spawnSync(process.execPath, [join(ROOT, 'dist', 'src', 'persistence', 'migrate.js')], { env: { ...process.env, DATABASE_URL: database.url }, encoding: 'utf8' });
    for (let run = 0; run < 2; run++) expect(migrate()).toMatchObject({ status: 0 });
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      expect((await client.query('SELECT count(*)::int AS n FROM schema_migrations')).rows).toEqual([{ n: MIGRATIONS.length }]);
    } finally {
      await client.end();
    }
  });
});

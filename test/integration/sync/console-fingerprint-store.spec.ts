import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../../src/persistence/data-source-options';
import { runMigrations } from '../../../src/persistence/migrate';
import { MIGRATIONS } from '../../../src/persistence/migrations';
import { ComputerFingerprints1764390000000 } from '../../../src/persistence/migrations/1764390000000-computer-fingerprints';
import { ConsoleFingerprintStore } from '../../../src/sync/console-fingerprint-store';
import { insertIntegrationRow } from '../../support/integration-row';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

/** The watcher's fingerprints in PostgreSQL: one row per computer, read a page at a time. */

async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[][]> {
  const all: T[][] = [];
  for await (const page of pages) all.push(page);
  return all;
}

describe('ConsoleFingerprintStore (PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    // Migrated up to the one before the per-computer table, so that its carrying over can be seen.
    database = await createTestDatabase({ migrate: false });
    const before = MIGRATIONS.indexOf(ComputerFingerprints1764390000000);
    dataSource = await new DataSource({ ...dataSourceOptions(database.url), migrations: MIGRATIONS.slice(0, before) }).initialize();
    await dataSource.runMigrations();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('carries the fingerprints stored as one document over to one row per computer', async () => {
    const integrationId = await insertIntegrationRow(dataSource);
    await dataSource.query('INSERT INTO console_fingerprints (integration_id, fingerprints) VALUES ($1, $2)', [integrationId, { a: 'fa', b: 'fb' }]);
    await runMigrations(database.url);
    const store = new ConsoleFingerprintStore(dataSource.manager, integrationId);
    expect(await store.hasBaseline()).toBe(true);
    expect(Object.fromEntries(await store.of(['a', 'b', 'c']))).toEqual({ a: 'fa', b: 'fb' });
  });

  it('saves changes and gone computers in one go, and lists the HIDs a page at a time', async () => {
    await runMigrations(database.url);
    const integrationId = await insertIntegrationRow(dataSource);
    const store = new ConsoleFingerprintStore(dataSource.manager, integrationId);
    expect(await store.hasBaseline()).toBe(false);
    const hids = Array.from({ length: 2_500 }, (_, i) => `hid-${String(i).padStart(5, '0')}`);
    await store.save(new Map(hids.map((hid) => [hid, `f-${hid}`])));
    expect(await store.hasBaseline()).toBe(true);
    const pages = await collect(store.hidPages());
    expect(pages.map((page) => page.length)).toEqual([1_000, 1_000, 500]);
    expect(pages.flat()).toEqual(hids);

    await store.save(new Map<string, string | null>([[hids[0], 'changed'], [hids[1], null], ['new', 'f-new']]));
    expect(Object.fromEntries(await store.of([hids[0], hids[1], hids[2], 'new']))).toEqual({ [hids[0]]: 'changed', [hids[2]]: `f-${hids[2]}`, new: 'f-new' });
  });

  it('takes a baseline of an empty Console', async () => {
    await runMigrations(database.url);
    const store = new ConsoleFingerprintStore(dataSource.manager, await insertIntegrationRow(dataSource));
    await store.save(new Map());
    expect(await store.hasBaseline()).toBe(true);
    expect(await collect(store.hidPages())).toEqual([]);
  });
});

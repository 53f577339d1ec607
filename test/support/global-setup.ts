import { ensurePostgres } from '../../dev/postgres';
import { findOrBuildTemporalCli } from '../../dev/temporal-cli';
import { TEST_ENV } from './test-env';

type StopHooks = { stopTestPostgres?: () => Promise<void> };

/**
 * Once per `jest` run (each tier's setup calls it; later calls find the work done): the Temporal
 * CLI binary and a PostgreSQL server that test files share.
 */
export default async function globalSetup(): Promise<void> {
  const log = (line: string): void => void process.stderr.write(`[test setup] ${line}\n`);
  process.env[TEST_ENV.temporalCli] ??= await findOrBuildTemporalCli(log);
  if (!process.env[TEST_ENV.postgresAdminUrl]) {
    const postgres = await ensurePostgres(log);
    process.env[TEST_ENV.postgresAdminUrl] = postgres.adminUrl;
    (globalThis as StopHooks).stopTestPostgres = () => postgres.stop();
  }
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../dev/free-port';
import { startOwnPostgres } from './embedded-postgres-server';

/**
 * A PostgreSQL server and a Temporal database file of a stack's own, so that a fault test may
 * stop and start either mid-run without disturbing other test files.
 */
export interface RestartableInfrastructure {
  postgresAdminUrl: string;
  /** Where the stack's Temporal dev server listens and keeps its database (kept across restarts). */
  temporalServer: { port: number; dbFilename: string };
  restartPostgres(downMs: number): Promise<void>;
  destroy(): Promise<void>;
}

export async function startRestartableInfrastructure(): Promise<RestartableInfrastructure> {
  const [postgres, temporalDirectory, temporalPort] = await Promise.all([startOwnPostgres(), mkdtemp(join(tmpdir(), 'halo-test-temporal-')), freePort()]);
  return {
    postgresAdminUrl: postgres.server.adminUrl,
    temporalServer: { port: temporalPort, dbFilename: join(temporalDirectory, 'temporal.db') },
    async restartPostgres(downMs) {
      await postgres.server.stop();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await postgres.server.start();
    },
    async destroy() {
      await Promise.all([postgres.destroy(), rm(temporalDirectory, { recursive: true, force: true })]);
    },
  };
}

import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgres } from '../../dev/embedded-postgres';
import { freePort } from '../../dev/free-port';

/** A PostgreSQL server of a test's own (started), which the test may stop and start again. */
export async function startOwnPostgres(): Promise<{ server: EmbeddedPostgres; destroy(): Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'halo-test-pg-'));
  await chmod(directory, 0o755);
  const server = new EmbeddedPostgres(join(directory, 'data'), await freePort());
  await server.initialise();
  await server.start();
  return {
    server,
    async destroy() {
      await server.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

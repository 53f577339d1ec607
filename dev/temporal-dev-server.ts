import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { PRODUCT_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import { CHILD_SPAWN_OPTIONS, supervise } from './child-process';
import { DATA_DIR } from './project-paths';
import { waitFor } from './wait-for';

export interface DevServerOptions {
  binary: string;
  port: number;
  uiPort: number;
  /** File database, so a restart keeps histories. */
  dbFile?: string;
  /** Where the UI sends payloads to decode (the codec endpoint). */
  uiCodecEndpoint?: string;
}

export interface RunningDevServer {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

/** Starts `temporal server start-dev` with its Web UI and the product's search attributes. */
export async function startTemporalDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  await mkdir(DATA_DIR, { recursive: true });
  const dbFile = options.dbFile ?? join(DATA_DIR, 'temporal.db');
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(options.port),
    '--ui-port', String(options.uiPort),
    '--db-filename', dbFile,
    '--log-level', 'warn',
    ...PRODUCT_SEARCH_ATTRIBUTES.flatMap((key) => ['--search-attribute', `${key.name}=Keyword`]),
    ...(options.uiCodecEndpoint ? ['--ui-codec-endpoint', options.uiCodecEndpoint] : []),
  ];
  const logFile = join(DATA_DIR, 'temporal.log');
  const server = supervise('temporal', spawn(options.binary, args, CHILD_SPAWN_OPTIONS), logFile);
  const address = `127.0.0.1:${options.port}`;
  try {
    await Promise.race([
      waitForNamespace(address),
      server.exited.then((code) => {
        throw new Error(`temporal server start-dev exited with code ${code}; see ${logFile}`);
      }),
    ]);
  } catch (error) {
    server.child.kill('SIGKILL');
    throw error;
  }
  return { address, uiUrl: `http://127.0.0.1:${options.uiPort}`, stop: () => server.stop(10_000) };
}

async function waitForNamespace(address: string): Promise<void> {
  const [host, port] = address.split(':');
  await waitFor('the Temporal port', () => isListening(host, Number(port)), 60_000);
  await waitFor(
    'the Temporal default namespace',
    async () => {
      const connection = await Connection.connect({ address, connectTimeout: 2_000 });
      try {
        await connection.workflowService.describeNamespace({ namespace: 'default' });
        return true;
      } finally {
        await connection.close();
      }
    },
    60_000,
  );
}

export function isListening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

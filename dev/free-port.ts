import { createServer } from 'node:net';

function tryListen(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const chosen = typeof address === 'object' && address ? address.port : undefined;
      server.close(() => resolve(chosen));
    });
  });
}

/** The preferred port when it is free on loopback, else any free port. */
export async function freePort(preferred = 0): Promise<number> {
  const port = (preferred > 0 ? await tryListen(preferred) : undefined) ?? (await tryListen(0));
  if (port === undefined) throw new Error('No free TCP port on 127.0.0.1');
  return port;
}

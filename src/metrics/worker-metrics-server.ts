import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Logger } from 'pino';
import { Registry } from 'prom-client';
import { processMetrics } from './process-metrics';

export interface WorkerMetricsServer {
  /** Where it listens; null when off (`WORKER_METRICS_PORT=0`) or when the port was taken. */
  port: number | null;
  close(): Promise<void>;
}

/**
 * The worker's Prometheus endpoint: `GET /metrics` (text format) on all interfaces, so a
 * Prometheus beside the container can scrape it; it carries no tenant data. The worker makes most
 * HaloPSA calls, so `halo_requests_total` and `halo_rate_limited_total` are mostly here. A port
 * already in use is logged and skipped rather than stopping the worker: metrics must not cost
 * syncs (two workers on one host need their own ports).
 */
export async function startWorkerMetricsServer(
  logger: Logger,
  /** `port`: `WorkerConfig.metricsPort` (0: no server). */
  options: { port: number; registry?: Registry; host?: string },
): Promise<WorkerMetricsServer> {
  const { port } = options;
  if (port === 0) return { port: null, close: async () => undefined };
  const registry = options.registry ?? processMetrics().registry;
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ statusCode: 404, message: 'Only GET /metrics is served here.' }));
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' }).end(request.method === 'HEAD' ? undefined : text),
      (error: unknown) => {
        logger.warn({ err: error }, 'worker metrics could not be collected');
        response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics could not be collected\n');
      },
    );
  });
  server.keepAliveTimeout = 65_000;
  try {
    await listen(server, port, options.host ?? '0.0.0.0');
  } catch (error) {
    logger.warn({ err: error, port }, `worker metrics server not started: port ${port} is unavailable (set WORKER_METRICS_PORT)`);
    return { port: null, close: async () => undefined };
  }
  const bound = (server.address() as AddressInfo).port;
  logger.info({ url: `http://${options.host ?? '0.0.0.0'}:${bound}/metrics` }, 'worker metrics listening');
  return {
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

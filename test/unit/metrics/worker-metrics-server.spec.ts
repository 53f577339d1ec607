import pino from 'pino';
import { createMetricsRegistry } from '../../../src/metrics/metrics-registry';
import { HaloMetrics } from '../../../src/metrics/halo-metrics';
import { startWorkerMetricsServer } from '../../../src/metrics/worker-metrics-server';
import { freePort } from '../../../dev/free-port';

const silent = pino({ level: 'silent' });

describe("the worker's metrics server", () => {
  it('is off with port 0', async () => {
    const server = await startWorkerMetricsServer(silent, { port: 0 });
    expect(server.port).toBeNull();
    await server.close();
  });

  it('serves GET /metrics in the Prometheus text format, with default process metrics, and nothing else', async () => {
    const registry = createMetricsRegistry();
    new HaloMetrics(registry).observe({ method: 'POST', path: '/api/Asset', status: 429 });
    const port = await freePort();
    const server = await startWorkerMetricsServer(silent, { port, registry, host: '127.0.0.1' });
    try {
      expect(server.port).toBe(port);
      const answer = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await answer.text();
      expect(text).toContain('halo_requests_total{method="POST",status_class="4xx"} 1');
      expect(text).toContain('halo_rate_limited_total 1');
      expect(text).toContain('process_cpu_user_seconds_total');
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`, { method: 'POST' })).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('logs and carries on without metrics when the port is taken', async () => {
    const port = await freePort();
    const registry = createMetricsRegistry({ defaultMetrics: false });
    const first = await startWorkerMetricsServer(silent, { port, registry, host: '127.0.0.1' });
    const warnings: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
    try {
      const second = await startWorkerMetricsServer(logger, { port, registry, host: '127.0.0.1' });
      expect(second.port).toBeNull();
      expect(warnings.join('')).toMatch(/worker metrics server not started/);
      await second.close();
    } finally {
      await first.close();
    }
  });
});

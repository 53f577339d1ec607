import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * A Prometheus registry, with Node's process metrics (CPU, memory, event loop lag, GC, handles)
 * unless `defaultMetrics` is false. Labels on every metric of the product are closed sets
 * (methods, status classes, outcomes): never a tenant name, a URL, an id or a secret.
 */
export function createMetricsRegistry(options: { defaultMetrics?: boolean } = {}): Registry {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  return registry;
}

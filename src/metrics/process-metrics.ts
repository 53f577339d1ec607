import { Registry } from 'prom-client';
import { ConsoleEventMetrics } from './console-event-metrics';
import { HaloMetrics } from './halo-metrics';
import { createMetricsRegistry } from './metrics-registry';

/** The metrics of this process (API or worker): one registry, served at the API's `/metrics` or by the worker's metrics server. */
export interface ProcessMetrics {
  registry: Registry;
  halo: HaloMetrics;
  consoleEvents: ConsoleEventMetrics;
}

let instance: ProcessMetrics | undefined;

/**
 * Created on first use. A process-wide instance rather than a Nest provider, because the HaloPSA
 * clients that feed `halo` are built in several modules of both processes.
 */
export function processMetrics(): ProcessMetrics {
  if (!instance) {
    const registry = createMetricsRegistry();
    instance = { registry, halo: new HaloMetrics(registry), consoleEvents: new ConsoleEventMetrics(registry) };
  }
  return instance;
}

import { Global, Logger, Module, OnModuleDestroy } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { ConsoleEventMetrics } from './console-event-metrics';
import { MetricsController } from './metrics.controller';
import { processMetrics } from './process-metrics';
import { readSyncMetricRows, SyncMetrics } from './sync-metrics';

const SYNC_METRIC_NAMES = ['sync_runs_total', 'sync_items_total', 'sync_metrics_query_success'];

/** The API's metrics: `GET /metrics`, the process registry, and the sync metrics read from PostgreSQL at scrape time. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    { provide: Registry, useFactory: () => processMetrics().registry },
    { provide: ConsoleEventMetrics, useFactory: () => processMetrics().consoleEvents },
    {
      provide: SyncMetrics,
      inject: [Registry, getDataSourceToken()],
      useFactory: (registry: Registry, dataSource: DataSource) => {
        // A second app in the same process (tests) replaces the first one's collectors.
        for (const name of SYNC_METRIC_NAMES) registry.removeSingleMetric(name);
        const logger = new Logger('Metrics');
        return new SyncMetrics(registry, {
          read: () => readSyncMetricRows(dataSource),
          onError: (error) => logger.warn(`sync metrics could not be read from PostgreSQL: ${error instanceof Error ? error.message : String(error)}`),
        });
      },
    },
  ],
  exports: [Registry, ConsoleEventMetrics],
})
export class MetricsModule implements OnModuleDestroy {
  constructor(private readonly registry: Registry) {}

  onModuleDestroy(): void {
    for (const name of SYNC_METRIC_NAMES) this.registry.removeSingleMetric(name);
  }
}

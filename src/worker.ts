import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { makeTelemetryFilterString, NativeConnection, Runtime } from '@temporalio/worker';
import { loadWorkerConfig } from './config/app-config';
import { createRootLogger } from './logging/root-logger';
import { startWorkerMetricsServer } from './metrics/worker-metrics-server';
import { exitOnBootFailure, onShutdownSignal } from './process-lifecycle';
import { activityDependencies } from './temporal/activity-dependencies';
import { PinoTemporalLogger } from './temporal/pino-temporal-logger';
import { TEMPORAL_DATA_CONVERTER } from './temporal/temporal.module';
import { createProductWorker } from './temporal/worker-factory';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadWorkerConfig();
  const logger = createRootLogger(config.logging, 'worker');
  try {
    Runtime.install({
      logger: new PinoTemporalLogger(logger),
      shutdownSignals: [],
      telemetryOptions: { logging: { forward: {}, filter: makeTelemetryFilterString({ core: 'WARN' }) } },
    });
    const metricsServer = await startWorkerMetricsServer(logger, { port: config.worker.metricsPort });
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger), {
      bufferLogs: true,
      abortOnError: false,
    });
    const connection = await NativeConnection.connect({ address: config.temporal.address });
    const worker = await createProductWorker({
      connection,
      temporal: config.temporal,
      dependencies: activityDependencies(app, config),
      shutdownGraceMs: config.worker.shutdownGraceMs,
      dataConverter: app.get(TEMPORAL_DATA_CONVERTER),
    });
    const running = worker.run();
    logger.info({ taskQueue: config.temporal.taskQueue, namespace: config.temporal.namespace }, 'worker polling');
    onShutdownSignal(logger, async () => {
      worker.shutdown();
      await running;
      await connection.close();
      await app.close();
      await metricsServer.close();
      logger.info('worker stopped');
    });
    await running;
  } catch (error) {
    exitOnBootFailure(error, logger);
  }
}

bootstrap().catch((error: unknown) => exitOnBootFailure(error));

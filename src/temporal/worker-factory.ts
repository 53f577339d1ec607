import { DataConverter } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { ActivityDependencies, createActivities } from '../../activities';
import { TemporalConfig } from '../config/temporal.config';
import { keepAliveHeartbeats } from './keep-alive-heartbeats';
import { workflowCode } from './workflow-bundle';

export interface WorkerFactoryOptions {
  connection: NativeConnection;
  temporal: TemporalConfig;
  dependencies: ActivityDependencies;
  shutdownGraceMs: number;
  /** The payload codec and failure converter (see `createDataConverter`): the same as the clients'. */
  dataConverter: DataConverter;
}

/** One worker polling the product's task queue with every workflow and activity. */
export function createProductWorker(options: WorkerFactoryOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.temporal.namespace,
    taskQueue: options.temporal.taskQueue,
    ...workflowCode(),
    activities: createActivities(options.dependencies),
    interceptors: { activity: [keepAliveHeartbeats] },
    shutdownGraceTime: options.shutdownGraceMs,
    dataConverter: options.dataConverter,
  });
}

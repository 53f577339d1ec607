import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client, Connection } from '@temporalio/client';
import { DataConverter, PayloadCodec } from '@temporalio/common';
import { createPayloadCodec } from '../codec/codec-keys';
import { SharedConfig } from '../config/app-config';
import { createDataConverter } from './data-converter';
import { createTemporalConnection } from './temporal-connection';
import { WorkflowGateway } from './workflow-gateway';

export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');
/** The payload codec (AES-256-GCM, keys from config), for the codec endpoint. */
export const PAYLOAD_CODEC = Symbol('PAYLOAD_CODEC');
/** What every client and worker of this process encodes and decodes payloads with. */
export const TEMPORAL_DATA_CONVERTER = Symbol('TEMPORAL_DATA_CONVERTER');

@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CONNECTION,
      inject: [ConfigService],
      useFactory: (config: ConfigService<SharedConfig, true>) => createTemporalConnection(config.get('temporal', { infer: true })),
    },
    {
      provide: PAYLOAD_CODEC,
      inject: [ConfigService],
      useFactory: (config: ConfigService<SharedConfig, true>) => createPayloadCodec(config.get('codec', { infer: true })),
    },
    {
      provide: TEMPORAL_DATA_CONVERTER,
      inject: [PAYLOAD_CODEC],
      useFactory: (codec: PayloadCodec) => createDataConverter(codec),
    },
    {
      provide: Client,
      inject: [TEMPORAL_CONNECTION, TEMPORAL_DATA_CONVERTER, ConfigService],
      useFactory: (connection: Connection, dataConverter: DataConverter, config: ConfigService<SharedConfig, true>) =>
        new Client({ connection, namespace: config.get('temporal', { infer: true }).namespace, dataConverter }),
    },
    {
      provide: WorkflowGateway,
      inject: [Client, ConfigService],
      useFactory: (client: Client, config: ConfigService<SharedConfig, true>) => {
        const temporal = config.get('temporal', { infer: true });
        return new WorkflowGateway(client, { taskQueue: temporal.taskQueue, maxHistoryEvents: temporal.historyLimit, batchSize: config.get('halo', { infer: true }).writeBatchSize });
      },
    },
  ],
  exports: [TEMPORAL_CONNECTION, PAYLOAD_CODEC, TEMPORAL_DATA_CONVERTER, Client, WorkflowGateway],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

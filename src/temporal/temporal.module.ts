import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client, Connection } from '@temporalio/client';
import { ApiConfig } from '../config/app-config';
import { createTemporalConnection } from './temporal-connection';

export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');

@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CONNECTION,
      inject: [ConfigService],
      useFactory: (config: ConfigService<ApiConfig, true>) => createTemporalConnection(config.get('temporal', { infer: true })),
    },
    {
      provide: Client,
      inject: [TEMPORAL_CONNECTION, ConfigService],
      useFactory: (connection: Connection, config: ConfigService<ApiConfig, true>) =>
        new Client({ connection, namespace: config.get('temporal', { infer: true }).namespace }),
    },
  ],
  exports: [TEMPORAL_CONNECTION, Client],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

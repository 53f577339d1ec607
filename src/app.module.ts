import { DynamicModule, Module } from '@nestjs/common';
import { Logger } from 'pino';
import { ApiConfig } from './config/app-config';
import { HealthModule } from './health/health.module';
import { infrastructureImports } from './infrastructure-imports';
import { TemporalModule } from './temporal/temporal.module';

/** The HTTP API process. */
@Module({})
export class AppModule {
  static forRoot(config: ApiConfig, logger: Logger): DynamicModule {
    return { module: AppModule, imports: [...infrastructureImports(config, logger), TemporalModule, HealthModule] };
  }
}

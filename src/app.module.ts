import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { Logger } from 'pino';
import { CodecModule } from './codec/codec.module';
import { ApiConfig } from './config/app-config';
import { ConnectModule } from './connect/connect.module';
import { HealthModule } from './health/health.module';
import { RateLimitModule } from './http/rate-limit/rate-limit.module';
import { requestValidationPipe } from './http/validation';
import { VendorErrorFilter } from './http/vendor-error.filter';
import { infrastructureImports } from './infrastructure-imports';
import { ActiveIntegrationModule } from './integrations/active-integration.module';
import { IntegrationsModule } from './integrations/integrations.module';
import { MappingsModule } from './mappings/mappings.module';
import { MetricsModule } from './metrics/metrics.module';
import { RemovalModule } from './removal/removal.module';
import { SettingsPageModule } from './settings-page/settings-page.module';
import { SyncModule } from './sync/sync.module';
import { TemporalModule } from './temporal/temporal.module';
import { TenantsModule } from './tenants/tenants.module';
import { API_BUDGET_MAX_WAIT_MS } from './integrations/request-budget/halo-request-budget';
import { VendorClientsModule } from './vendor-clients/vendor-clients.module';

/** The HTTP API process. */
@Module({})
export class AppModule {
  static forRoot(config: ApiConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [...infrastructureImports(config, logger), MetricsModule, RateLimitModule, TemporalModule, VendorClientsModule.forRoot({ haloBudgetMaxWaitMs: API_BUDGET_MAX_WAIT_MS }), CodecModule, HealthModule, ActiveIntegrationModule, TenantsModule, IntegrationsModule, MappingsModule, ConnectModule, SyncModule, RemovalModule, SettingsPageModule],
      providers: [
        { provide: APP_PIPE, useFactory: requestValidationPipe },
        { provide: APP_FILTER, useClass: VendorErrorFilter },
      ],
    };
  }
}

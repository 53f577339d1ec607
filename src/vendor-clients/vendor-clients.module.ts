import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IntegrationHaloClientFactory } from '../integrations/integration-halo-client';
import { HALO_BUDGET_MAX_WAIT_MS, HaloRequestBudget } from '../integrations/request-budget/halo-request-budget';
import { TenantEntity } from '../persistence/entities/tenant.entity';
import { TenantConsoleService } from '../tenants/tenant-console.service';

/**
 * The clients of HaloPSA and the Console, provided once per process (the API and the worker each
 * import it): one HaloPSA client, and so one token, per integration, and one request budget.
 */
@Global()
@Module({})
export class VendorClientsModule {
  /** `haloBudgetMaxWaitMs`: how long a HaloPSA request may wait for its place in the budget (the API answers sooner than the worker waits). */
  static forRoot(options: { haloBudgetMaxWaitMs: number }): DynamicModule {
    const exported = [IntegrationHaloClientFactory, HaloRequestBudget, TenantConsoleService];
    return {
      module: VendorClientsModule,
      imports: [TypeOrmModule.forFeature([TenantEntity])],
      providers: [...exported, { provide: HALO_BUDGET_MAX_WAIT_MS, useValue: options.haloBudgetMaxWaitMs }],
      exports: exported,
    };
  }
}

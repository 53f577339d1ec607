import { Injectable } from '@nestjs/common';
import { ConsoleRightsService } from '../access/console-rights.service';
import { Principal } from '../access/principal';
import { visibleCompanyNames } from '../console/administrator-permissions';
import { ConsoleAdministrator } from '../console/console-types';
import { ConsoleClient } from '../console/console-client';
import { HaloClient } from '../halo/halo-client';
import { ActiveIntegrationService } from '../integrations/active-integration.service';
import { IntegrationHaloClientFactory } from '../integrations/integration-halo-client';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { TenantConsoleService } from '../tenants/tenant-console.service';

/** What a mapping call works with: the caller's integration, both vendors' clients, and what the caller may see. */
export interface IntegrationContext {
  integration: IntegrationEntity;
  halo: HaloClient;
  console: ConsoleClient;
  /** Whether a Console company (by name) is visible to the calling administrator. */
  canSee(companyName: string): boolean;
}

@Injectable()
export class IntegrationContextService {
  constructor(
    private readonly active: ActiveIntegrationService,
    private readonly haloClients: IntegrationHaloClientFactory,
    private readonly consoles: TenantConsoleService,
    private readonly rights: ConsoleRightsService,
  ) {}

  /** `forReading`: also while the integration is being removed (see ActiveIntegrationService). */
  async forPrincipal(principal: Principal, use: 'changing' | 'forReading' = 'changing'): Promise<IntegrationContext> {
    const integration = await this.active.of(principal.tenantId, use);
    const [console, { administrator }] = await Promise.all([
      this.consoles.clientForTenant(principal.tenantId),
      this.rights.rightsOf(principal.tenantId, principal.consoleAdministratorId),
    ]);
    return { integration, halo: this.haloClients.forIntegration(integration), console, canSee: visibility(administrator) };
  }
}

/** An administrator limited to some companies sees and maps only those. */
function visibility(administrator: ConsoleAdministrator | undefined): (companyName: string) => boolean {
  if (!administrator) return () => false;
  return (companyName) => visibleCompanyNames(administrator, [companyName]).length === 1;
}

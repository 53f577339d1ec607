import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ConsoleRightsService } from '../access/console-rights.service';
import { Principal } from '../access/principal';
import { visibleCompanyNames } from '../console/administrator-permissions';
import { ConsoleAdministrator } from '../console/console-types';
import { ConsoleClient } from '../console/console-client';
import { HaloClient } from '../halo/halo-client';
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
    @InjectRepository(IntegrationEntity) private readonly integrations: Repository<IntegrationEntity>,
    private readonly haloClients: IntegrationHaloClientFactory,
    private readonly consoles: TenantConsoleService,
    private readonly rights: ConsoleRightsService,
  ) {}

  async forPrincipal(principal: Principal): Promise<IntegrationContext> {
    const integration = await this.integrations.findOneBy({ tenantId: principal.tenantId });
    if (!integration) throw new NotFoundException('HaloPSA is not connected yet: PUT /api/v1/halopsa/connection first.');
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

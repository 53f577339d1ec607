import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ConsoleRightsService } from '../../access/console-rights.service';
import { Principal } from '../../access/principal';
import { readHaloCapabilities } from '../../halo/halo-capabilities';
import { IntegrationEntity } from '../../persistence/entities/integration.entity';
import { ActiveIntegrationService } from '../active-integration.service';
import { IntegrationHaloClientFactory } from '../integration-halo-client';
import { buildPermissionReport, PermissionReport } from './permission-report';

/** "Check Permissions": token and scopes, /Agent/me, cheap probes, and the caller's Console rights. */
@Injectable()
export class PermissionCheckService {
  constructor(
    @InjectRepository(IntegrationEntity) private readonly integrations: Repository<IntegrationEntity>,
    private readonly haloClients: IntegrationHaloClientFactory,
    private readonly consoleRights: ConsoleRightsService,
    private readonly active: ActiveIntegrationService,
  ) {}

  async check(principal: Principal): Promise<PermissionReport> {
    const integration = await this.active.of(principal.tenantId);
    const [halo, consoleRights] = await Promise.all([
      readHaloCapabilities(this.haloClients.forIntegration(integration)),
      this.consoleRights.rightsOf(principal.tenantId, principal.consoleAdministratorId),
    ]);
    const report = buildPermissionReport(halo, consoleRights, new Date());
    await this.integrations.update(integration.id, { permissionReport: report });
    return report;
  }
}

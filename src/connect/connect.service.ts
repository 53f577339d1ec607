import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApiConfig } from '../config/app-config';
import { ConsoleError } from '../console/console-errors';
import { constantTimeEqual } from '../security/api-keys';
import { ComputerLinkEntity } from '../persistence/entities/computer-link.entity';
import { ComputerLinks } from '../computer-links/computer-links';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { TenantEntity } from '../persistence/entities/tenant.entity';
import { TenantConsoleService } from '../tenants/tenant-console.service';
import { ConnectProblem, CONNECT_PROBLEMS } from './connect-page';
import { remoteDesktopUrl } from './remote-desktop-url';

const RMM_APP_IDS = new Set(['ra', 'rmm']);

/** Resolves a HaloPSA asset to its linked Console computer and the remote-desktop URL on the tenant's web console. */
@Injectable()
export class ConnectService {
  constructor(
    @InjectRepository(IntegrationEntity) private readonly integrations: Repository<IntegrationEntity>,
    @InjectRepository(ComputerLinkEntity) private readonly links: Repository<ComputerLinkEntity>,
    @InjectRepository(TenantEntity) private readonly tenants: Repository<TenantEntity>,
    private readonly consoles: TenantConsoleService,
    private readonly config: ConfigService<ApiConfig, true>,
  ) {}

  async resolve(token: string, assetId: number): Promise<{ redirectTo: string } | ConnectProblem> {
    const integration = /^[A-Za-z0-9_-]{16,64}$/.test(token) ? await this.integrations.findOneBy({ connectToken: token }) : null;
    if (!integration || !constantTimeEqual(integration.connectToken, token)) return CONNECT_PROBLEMS.unknownIntegration;
    const link = await new ComputerLinks(this.links.manager, integration.id).findLinkedTo(assetId);
    if (!link) return CONNECT_PROBLEMS.unlinkedAsset;
    try {
      const console = await this.consoles.clientForTenant(integration.tenantId);
      const computer = await console.getComputer(link.computerHid);
      if (!computer.Apps.some((app) => RMM_APP_IDS.has(String(app.ApplicationId).toLowerCase()))) return CONNECT_PROBLEMS.noRemoteAgent;
      const tenant = await this.tenants.findOneByOrFail({ id: integration.tenantId });
      const template = this.config.get('connect', { infer: true }).remoteDesktopUrlTemplate;
      return { redirectTo: remoteDesktopUrl(template, { consoleWebUrl: tenant.consoleWebUrl, consoleUrl: console.baseUrl, computerHid: computer.ComputerHID }) };
    } catch (error) {
      if (error instanceof ConsoleError && error.kind === 'not_found') return CONNECT_PROBLEMS.computerGone;
      if (error instanceof ConsoleError) return CONNECT_PROBLEMS.consoleUnavailable;
      throw error;
    }
  }
}

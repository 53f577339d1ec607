import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiConfig } from '../config/app-config';
import { randomBytes, randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { haloBaseUrl } from '../integrations/halo-urls';
import { ApiKeyEntity } from '../persistence/entities/api-key.entity';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { TenantEntity } from '../persistence/entities/tenant.entity';
import { generateApiKey } from '../security/api-keys';
import { SecretCipher } from '../security/secret-cipher';
import { normaliseServiceUrl, serviceBaseString, UrlPolicy } from '../security/url-policy';
import { CreateApiKeyDto, CreatedApiKeyView } from './dto/create-api-key.dto';
import { CreatedTenantView, CreateTenantDto, TenantView } from './dto/create-tenant.dto';
import { TenantIntegrationSummary, TenantPage } from './dto/tenant-list.dto';
import { UpdateTenantDto } from './dto/update-tenant.dto';
import { sealedContext } from './sealed-context';
import { TenantConsoleService } from './tenant-console.service';

@Injectable()
export class TenantsService {
  constructor(
    @InjectRepository(TenantEntity) private readonly tenants: Repository<TenantEntity>,
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    @InjectRepository(IntegrationEntity) private readonly integrations: Repository<IntegrationEntity>,
    private readonly cipher: SecretCipher,
    private readonly consoles: TenantConsoleService,
    private readonly config: ConfigService<ApiConfig, true>,
    private readonly urlPolicy: UrlPolicy,
  ) {}

  /** Checks the Console credentials by reading its administrators before anything is stored. */
  async create(input: CreateTenantDto): Promise<CreatedTenantView> {
    const consoleUrl = normaliseServiceUrl(input.consoleUrl).toString().replace(/\/$/, '');
    const consoleWebUrl = input.consoleWebUrl === undefined ? consoleUrl : await this.checkedWebUrl(input.consoleWebUrl);
    await this.consoles.clientFor({ consoleUrl, login: input.consoleLogin, password: input.consolePassword }).listAdministrators();
    const id = randomUUID();
    const eventSecret = randomBytes(32).toString('base64url');
    const saved = await this.tenants.save(
      this.tenants.create({
        id,
        name: input.name.trim(),
        consoleUrl,
        consoleWebUrl,
        consoleLoginSealed: this.cipher.encrypt(input.consoleLogin, sealedContext.consoleLogin(id)),
        consolePasswordSealed: this.cipher.encrypt(input.consolePassword, sealedContext.consolePassword(id)),
        eventAccountId: randomBytes(12).toString('base64url'),
        eventSecretSealed: this.cipher.encrypt(eventSecret, sealedContext.consoleEventSecret(id)),
      }),
    );
    const publicBaseUrl = this.config.get('publicUrl', { infer: true }).baseUrl;
    return {
      ...tenantView(saved),
      consoleEvents: { url: `${publicBaseUrl}/api/v1/console-events?account=${saved.eventAccountId}`, secret: eventSecret },
    };
  }

  /** Oldest first, each with its HaloPSA integration (null until connected). */
  async list(page: number, pageSize: number): Promise<TenantPage> {
    const [tenants, total] = await this.tenants.findAndCount({ order: { createdAt: 'ASC', id: 'ASC' }, skip: (page - 1) * pageSize, take: pageSize });
    const integrations = tenants.length ? await this.integrations.findBy({ tenantId: In(tenants.map((t) => t.id)) }) : [];
    const byTenant = new Map(integrations.map((i) => [i.tenantId, i]));
    return { total, page, pageSize, items: tenants.map((t) => ({ ...tenantView(t), integration: integrationSummary(byTenant.get(t.id)) })) };
  }

  async update(tenantId: string, input: UpdateTenantDto): Promise<TenantView> {
    const tenant = await this.tenants.findOneBy({ id: tenantId });
    if (!tenant) throw new NotFoundException('Tenant not found.');
    if (input.consoleWebUrl !== undefined) tenant.consoleWebUrl = await this.checkedWebUrl(input.consoleWebUrl);
    return tenantView(await this.tenants.save(tenant));
  }

  /** The web console's address, held to the same policy as the API URL: public https unless allowed. */
  private async checkedWebUrl(input: string): Promise<string> {
    const url = normaliseServiceUrl(input);
    await this.urlPolicy.check(url);
    return serviceBaseString(url);
  }

  async createApiKey(tenantId: string, input: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    if (!(await this.tenants.existsBy({ id: tenantId }))) throw new NotFoundException('Tenant not found.');
    const administrators = await this.consoles.administratorsOf(tenantId);
    if (!administrators.some((a) => a.AdminID.toLowerCase() === input.consoleAdministratorId.toLowerCase())) {
      throw new BadRequestException(`consoleAdministratorId: no Console administrator has the id ${input.consoleAdministratorId}.`);
    }
    const generated = generateApiKey();
    const saved = await this.keys.save(
      this.keys.create({
        tenantId,
        consoleAdministratorId: input.consoleAdministratorId,
        prefix: generated.prefix,
        keyHash: generated.hash,
        label: input.label ?? null,
        revokedAt: null,
      }),
    );
    return { id: saved.id, apiKey: generated.key, prefix: generated.prefix, consoleAdministratorId: saved.consoleAdministratorId };
  }
}

function tenantView(tenant: TenantEntity): TenantView {
  return { id: tenant.id, name: tenant.name, consoleUrl: tenant.consoleUrl, consoleWebUrl: tenant.consoleWebUrl, createdAt: tenant.createdAt };
}

function integrationSummary(integration: IntegrationEntity | undefined): TenantIntegrationSummary | null {
  if (!integration) return null;
  return {
    id: integration.id,
    state: integration.state,
    haloUrl: haloBaseUrl(integration.haloResourceUrl),
    connectedAt: integration.connectedAt,
    lastError: integration.lastError,
  };
}

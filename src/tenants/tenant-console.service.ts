import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ConsoleClient } from '../console/console-client';
import { ConsoleAdministrator } from '../console/console-types';
import { TenantEntity } from '../persistence/entities/tenant.entity';
import { PolicyFetch } from '../security/policy-fetch';
import { SecretCipher } from '../security/secret-cipher';
import { UrlPolicy } from '../security/url-policy';
import { sealedContext } from './sealed-context';

const ADMINISTRATORS_TTL_MS = 60_000;

/** The Console of a tenant, with its credentials unsealed only in memory, and a short administrator cache. */
@Injectable()
export class TenantConsoleService {
  private readonly administrators = new Map<string, { at: number; list: Promise<ConsoleAdministrator[]> }>();
  /** One client per tenant, so its Console token (valid for days) is reused. */
  private readonly clients = new Map<string, Promise<ConsoleClient>>();

  constructor(
    @InjectRepository(TenantEntity) private readonly tenants: Repository<TenantEntity>,
    private readonly cipher: SecretCipher,
    private readonly urlPolicy: UrlPolicy,
    private readonly policyFetch: PolicyFetch,
  ) {}

  clientFor(credentials: { consoleUrl: string; login: string; password: string }): ConsoleClient {
    return new ConsoleClient(
      { baseUrl: credentials.consoleUrl, login: credentials.login, password: credentials.password },
      { beforeRequest: (url) => this.urlPolicy.check(url), fetch: this.policyFetch.fetch },
    );
  }

  clientForTenant(tenantId: string): Promise<ConsoleClient> {
    let client = this.clients.get(tenantId);
    if (!client) {
      client = this.newClientForTenant(tenantId);
      this.clients.set(tenantId, client);
      client.catch(() => this.clients.delete(tenantId));
    }
    return client;
  }

  private async newClientForTenant(tenantId: string): Promise<ConsoleClient> {
    const tenant = await this.tenants.findOneBy({ id: tenantId });
    if (!tenant) throw new NotFoundException('Tenant not found.');
    return this.clientFor({
      consoleUrl: tenant.consoleUrl,
      login: this.cipher.decrypt(tenant.consoleLoginSealed, sealedContext.consoleLogin(tenant.id)),
      password: this.cipher.decrypt(tenant.consolePasswordSealed, sealedContext.consolePassword(tenant.id)),
    });
  }

  /** The tenant's Console administrators, cached briefly (permission checks run on every mutating call). */
  async administratorsOf(tenantId: string): Promise<ConsoleAdministrator[]> {
    const cached = this.administrators.get(tenantId);
    if (cached && Date.now() - cached.at < ADMINISTRATORS_TTL_MS) return cached.list;
    const list = this.clientForTenant(tenantId).then((client) => client.listAdministrators());
    this.administrators.set(tenantId, { at: Date.now(), list });
    list.catch(() => this.administrators.delete(tenantId));
    return list;
  }
}

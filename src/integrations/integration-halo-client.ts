import { Injectable } from '@nestjs/common';
import { HaloClient } from '../halo/halo-client';
import { processMetrics } from '../metrics/process-metrics';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { PolicyFetch } from '../security/policy-fetch';
import { SecretCipher } from '../security/secret-cipher';
import { UrlPolicy } from '../security/url-policy';
import { sealedContext } from '../tenants/sealed-context';
import { haloInstanceOf, HaloRequestBudget } from './request-budget/halo-request-budget';

/**
 * A HaloPSA client for one integration: the secret is unsealed in memory, every request and every
 * connection passes the URL policy, takes its place in the instance's request budget, and every
 * answer is counted in this process's metrics (method and status class only).
 */
@Injectable()
export class IntegrationHaloClientFactory {
  constructor(
    private readonly cipher: SecretCipher,
    private readonly urlPolicy: UrlPolicy,
    private readonly policyFetch: PolicyFetch,
    private readonly budget: HaloRequestBudget,
  ) {}

  /** One client per integration and credentials, so its token is reused across calls (requests are Halo's budget). */
  private readonly clients = new Map<string, { key: string; client: HaloClient }>();

  forIntegration(integration: IntegrationEntity): HaloClient {
    const key = [integration.haloResourceUrl, integration.haloAuthUrl, integration.haloTenant, integration.haloClientId, integration.haloClientSecretSealed].join('\n');
    const cached = this.clients.get(integration.id);
    if (cached?.key === key) return cached.client;
    const client = this.newClient(integration);
    this.clients.set(integration.id, { key, client });
    return client;
  }

  /** Runs `body` with `count` places of the integration's HaloPSA budget taken together first (`HaloRequestBudget.withReserved`). */
  withReservedRequests<T>(integration: IntegrationEntity, count: number, body: () => Promise<T>): Promise<T> {
    return this.budget.withReserved(haloInstanceOf(integration.haloResourceUrl), count, body);
  }

  private newClient(integration: IntegrationEntity): HaloClient {
    const instance = haloInstanceOf(integration.haloResourceUrl);
    return new HaloClient(
      {
        resourceServerUrl: integration.haloResourceUrl,
        authServerUrl: integration.haloAuthUrl,
        tenant: integration.haloTenant ?? undefined,
        clientId: integration.haloClientId,
        clientSecret: this.cipher.decrypt(integration.haloClientSecretSealed, sealedContext.haloClientSecret(integration.id)),
      },
      {
        beforeRequest: (url) => this.urlPolicy.check(url),
        fetch: this.policyFetch.fetch,
        onResponse: processMetrics().halo.observe,
        takeFromBudget: () => this.budget.take(instance),
      },
    );
  }
}

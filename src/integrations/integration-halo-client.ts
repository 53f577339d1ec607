import { Injectable } from '@nestjs/common';
import { HaloClient } from '../halo/halo-client';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { SecretCipher } from '../security/secret-cipher';
import { UrlPolicy } from '../security/url-policy';
import { sealedContext } from '../tenants/sealed-context';

/** A HaloPSA client for one integration: the secret is unsealed in memory, every connection passes the URL policy. */
@Injectable()
export class IntegrationHaloClientFactory {
  constructor(
    private readonly cipher: SecretCipher,
    private readonly urlPolicy: UrlPolicy,
  ) {}

  forIntegration(integration: IntegrationEntity): HaloClient {
    return new HaloClient(
      {
        resourceServerUrl: integration.haloResourceUrl,
        authServerUrl: integration.haloAuthUrl,
        tenant: integration.haloTenant ?? undefined,
        clientId: integration.haloClientId,
        clientSecret: this.cipher.decrypt(integration.haloClientSecretSealed, sealedContext.haloClientSecret(integration.id)),
      },
      { beforeRequest: (url) => this.urlPolicy.check(url) },
    );
  }
}

import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Principal } from '../access/principal';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { SecretCipher } from '../security/secret-cipher';
import { UrlPolicy, UrlPolicyError } from '../security/url-policy';
import { sealedContext } from '../tenants/sealed-context';
import { ConnectHaloDto, SetupStartedView } from './dto/connect-halo.dto';
import { HaloUrls, haloUrlsFromInput, sameHaloInstance } from './halo-urls';
import { WorkflowGateway } from '../temporal/workflow-gateway';

/** Connect or edit: checks the URLs, seals the secret, saves, and (re)starts the setup workflow. */
@Injectable()
export class ConnectionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
    private readonly urlPolicy: UrlPolicy,
    private readonly workflows: WorkflowGateway,
  ) {}

  async connect(principal: Principal, input: ConnectHaloDto): Promise<SetupStartedView> {
    const urls = await this.checkedUrls(input);
    const { integration, mappingsKept } = await this.dataSource.transaction(async (db) => {
      const repository = db.getRepository(IntegrationEntity);
      const existing = await repository.findOne({ where: { tenantId: principal.tenantId }, lock: { mode: 'pessimistic_write' } });
      if (existing?.state === 'removing') throw new ConflictException('The HaloPSA integration is being removed: connect again once the removal has finished (GET /api/v1/halopsa/removal).');
      const id = existing?.id ?? randomUUID();
      const saved = await repository.save(
        repository.create({
          ...existing,
          id,
          tenantId: principal.tenantId,
          haloResourceUrl: urls.resourceServerUrl,
          haloAuthUrl: urls.authServerUrl,
          haloTenant: input.tenant ?? null,
          haloClientId: input.clientId.trim(),
          haloClientSecretSealed: this.cipher.encrypt(input.clientSecret, sealedContext.haloClientSecret(id)),
          state: 'connecting',
          lastError: null,
          connectToken: existing?.connectToken ?? randomBytes(24).toString('base64url'),
        }),
      );
      return { integration: saved, mappingsKept: existing ? sameHaloInstance(existing.haloResourceUrl, urls.resourceServerUrl) : true };
    });
    const started = await this.workflows.startSetup({ id: integration.id, tenantId: principal.tenantId });
    await this.dataSource.getRepository(IntegrationEntity).update(integration.id, { setupWorkflowId: started.workflowId, setupRunId: started.runId });
    return { integrationId: integration.id, ...started, mappingsKept };
  }

  private async checkedUrls(input: ConnectHaloDto): Promise<HaloUrls> {
    try {
      const urls = haloUrlsFromInput(input.haloUrl, input.authorisationUrl);
      await this.urlPolicy.check(new URL(urls.resourceServerUrl));
      await this.urlPolicy.check(new URL(urls.authServerUrl));
      return urls;
    } catch (error) {
      if (error instanceof UrlPolicyError) throw new BadRequestException(error.message);
      throw error;
    }
  }
}

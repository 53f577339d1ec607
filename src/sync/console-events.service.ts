import { ConflictException, HttpException, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IncomingHttpHeaders } from 'node:http';
import { DataSource } from 'typeorm';
import { ConsoleEventMetrics, ConsoleEventOutcome } from '../metrics/console-event-metrics';
import { ConsoleEventEntity } from '../persistence/entities/console-event.entity';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { TenantEntity } from '../persistence/entities/tenant.entity';
import { SecretCipher } from '../security/secret-cipher';
import { sealedContext } from '../tenants/sealed-context';
import { ConsoleEvent, parseConsoleEvent } from './console-event-body';
import { checkEventSignature } from './event-signature';
import { WorkflowGateway } from '../temporal/workflow-gateway';
import { normaliseComputerId } from '../console/computer-id';

const COMPUTER_EVENTS = new Set(['computer.created', 'computer.updated', 'computer.deleted', 'backup.completed']);

/** Verifies, de-duplicates and forwards Console events to the integration's sync workflow, when its push is on. */
@Injectable()
export class ConsoleEventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
    private readonly workflows: WorkflowGateway,
    private readonly metrics: ConsoleEventMetrics,
  ) {}

  /** Counts every event by type and outcome, and the lag of each one accepted for the first time. */
  async receive(account: string | undefined, headers: IncomingHttpHeaders, rawBody: Buffer | undefined): Promise<{ accepted: boolean; duplicate: boolean }> {
    const seen: { event?: ConsoleEvent } = {};
    try {
      const answer = await this.accept(account, headers, rawBody, seen);
      this.metrics.eventReceived(seen.event?.type, answer.duplicate ? 'duplicate' : 'accepted');
      if (!answer.duplicate) this.metrics.eventLag(seen.event?.occurredAt, new Date());
      return answer;
    } catch (error) {
      this.metrics.eventReceived(seen.event?.type, outcomeOf(error));
      throw error;
    }
  }

  private async accept(
    account: string | undefined,
    headers: IncomingHttpHeaders,
    rawBody: Buffer | undefined,
    seen: { event?: ConsoleEvent },
  ): Promise<{ accepted: boolean; duplicate: boolean }> {
    const tenant = account && /^[A-Za-z0-9_-]{8,64}$/.test(account) ? await this.dataSource.manager.findOneBy(TenantEntity, { eventAccountId: account }) : null;
    if (!tenant?.eventSecretSealed) throw new UnauthorizedException('Unknown event account: use the event URL given when the tenant was created.');
    const secret = this.cipher.decrypt(tenant.eventSecretSealed, sealedContext.consoleEventSecret(tenant.id));
    const problem = checkEventSignature(secret, header(headers, 'x-console-timestamp'), header(headers, 'x-console-signature'), rawBody ?? Buffer.alloc(0), new Date());
    if (problem) throw new UnauthorizedException(`Event refused: ${problem}.`);
    const event = parseConsoleEvent(rawBody);
    seen.event = event;
    const integration = await this.dataSource.manager.findOneBy(IntegrationEntity, { tenantId: tenant.id });
    if (integration && !integration.pushEvents) {
      throw new ConflictException(
        'Push is off for this integration: the Console is read every watchIntervalSeconds instead. To take events as well, PUT /api/v1/halopsa/sync/settings {"pushEvents": true}.',
      );
    }
    const inserted = await this.dataSource.manager
      .createQueryBuilder()
      .insert()
      .into(ConsoleEventEntity)
      .values({ tenantId: tenant.id, eventId: event.id, eventType: event.type })
      .orIgnore()
      .returning(['eventId'])
      .execute();
    if ((inserted.raw as unknown[]).length === 0) return { accepted: true, duplicate: true };
    if (integration?.state === 'connected') {
      const hid = normaliseComputerId(event.data?.ComputerHID);
      if (COMPUTER_EVENTS.has(event.type) && hid) await this.workflows.computersChanged(integration, [hid]);
      else await this.workflows.requestFull(integration, 'event');
    }
    return { accepted: true, duplicate: false };
  }
}

function outcomeOf(error: unknown): ConsoleEventOutcome {
  if (error instanceof UnauthorizedException) return 'refused';
  if (error instanceof HttpException && error.getStatus() < 500) return 'invalid';
  return 'error';
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

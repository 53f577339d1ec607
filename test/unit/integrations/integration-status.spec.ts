import { IntegrationStatusService } from '../../../src/integrations/integration-status.service';
import { IntegrationWorkflowsReader } from '../../../src/integrations/integration-workflows';
import { withinTimeout } from '../../../src/temporal/within-timeout';
import { IntegrationProgressService } from '../../../src/mappings/integration-progress.service';
import { IntegrationEntity } from '../../../src/persistence/entities/integration.entity';
import { Repository } from 'typeorm';

describe('integration status when the Console does not answer', () => {
  const integration = { id: 'i-1', tenantId: 't-1', state: 'connected', haloResourceUrl: 'https://halo.example.com/api', haloAuthUrl: 'https://halo.example.com/auth' } as IntegrationEntity;
  const workflows = { setup: null, sync: { workflowId: 'sync:i-1', runId: null, state: 'not-started' } };

  it('answers with the counts null and why, the workflows still described, and not operational', async () => {
    const service = new IntegrationStatusService(
      { findOneBy: async () => integration } as unknown as Repository<IntegrationEntity>,
      { progress: async () => Promise.reject(new Error('Console unreachable')) } as unknown as IntegrationProgressService,
      { describe: async () => workflows } as unknown as IntegrationWorkflowsReader,
    );
    const status = await service.status({ tenantId: 't-1', consoleAdministratorId: 'a-1' } as never);
    expect(status.progress).toBeNull();
    expect(status.progressUnreadable).toMatch(/Console could not be read \(Console unreachable\)/);
    expect(status.operational).toBe(false);
    expect(status.steps.find((s) => s.step === 'authentication-and-permissions')?.done).toBe(true);
    expect(status.workflows).toBe(workflows);
  });

  it('gives up on a read that does not answer in time', async () => {
    await expect(withinTimeout(new Promise(() => undefined), 10)).rejects.toThrow('no answer within 10 ms');
  });
});

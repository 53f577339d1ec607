import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { IntegrationEntity } from '../src/persistence/entities/integration.entity';
import { compareFingerprints } from '../src/sync/console-fingerprint';
import { ConsoleFingerprintStore } from '../src/sync/console-fingerprint-store';
import { inventoryPages } from '../src/sync/console-observation';
import { WorkflowGateway } from '../src/temporal/workflow-gateway';
import { TenantConsoleService } from '../src/tenants/tenant-console.service';
import { WATCH_ENDED } from '../workflows/sync-messages';
import { withConsoleFailures } from './console-failure';

export interface WatchActivityDependencies {
  dataSource: DataSource;
  consoles: TenantConsoleService;
  workflows: WorkflowGateway;
}

export interface WatchPollInput {
  integrationId: string;
  tenantId: string;
}

export interface WatchPollResult {
  nextPollSeconds: number;
  /** Computers new, changed or gone since the last poll. */
  changed: number;
  /** What the poll did: skipped (not connected or paused), baseline stored, nothing, computers or full sync asked for. */
  outcome: 'skipped' | 'baseline' | 'unchanged' | 'computers' | 'full';
}

/** More changed computers than this (or than a third of the inventory) ask for one full sync instead. */
const MAX_NAMED_COMPUTERS = 500;

export function createWatchActivities(deps: WatchActivityDependencies) {
  const db = deps.dataSource.manager;
  return {
    /**
     * One poll: the whole inventory read as a full sync reads it (a page at a time), fingerprinted per computer and
     * compared, page by page, with the last poll's. Changes go to the sync workflow first and the fingerprints are
     * stored after, so a failure in between finds the same changes again. Never calls HaloPSA.
     */
    async pollConsoleChanges(input: WatchPollInput): Promise<WatchPollResult> {
      const integration = await db.findOneBy(IntegrationEntity, { id: input.integrationId });
      if (!integration || integration.state === 'removing') throw ApplicationFailure.nonRetryable('The integration is gone or being removed: the watcher ends.', WATCH_ENDED);
      const nextPollSeconds = integration.watchIntervalSeconds;
      if (integration.state !== 'connected' || integration.syncPaused) return { nextPollSeconds, changed: 0, outcome: 'skipped' };
      const client = await deps.consoles.clientForTenant(integration.tenantId);
      const stored = new ConsoleFingerprintStore(db, integration.id);
      const baseline = await stored.hasBaseline();
      const seen = new Set<string>();
      const { changes, listed } = await withConsoleFailures(() => compareFingerprints(inventoryPages(client, seen), stored, seen));
      if (!baseline) {
        await stored.save(changes);
        return { nextPollSeconds, changed: 0, outcome: 'baseline' };
      }
      if (changes.size === 0) return { nextPollSeconds, changed: 0, outcome: 'unchanged' };
      const changed = [...changes.keys()].sort();
      const full = changed.length > MAX_NAMED_COMPUTERS || changed.length > listed / 3;
      if (full) await deps.workflows.requestFull(integration, 'event');
      else await deps.workflows.computersChanged(integration, changed);
      await stored.save(changes);
      return { nextPollSeconds, changed: changed.length, outcome: full ? 'full' : 'computers' };
    },
  };
}

export type WatchActivities = ReturnType<typeof createWatchActivities>;

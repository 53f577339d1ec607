import { Client } from 'pg';
import { assetIdsByComputerId, computerIdField, computerIdsWithSeveralAssets } from '../../../simulators/halo/state/computer-id-assets';
import { ProductStack } from '../../support/product-stack';
import { MappedIntegration } from './fault-journey';
import { FaultFigures, InjectedFaults } from './fault-summary';

/** What the fault suite promises: after any fault, each computer has one asset, recorded, and each run a final record. */
export interface EndState {
  /** Licensed computers with an agent in mapped companies: each must have exactly one asset. */
  expected: number;
  /** Computers with more than one asset, or whose asset HaloPSA was asked to create more than once. */
  duplicates: string[];
  /** Expected computers without an asset, or whose link to it is not recorded in the product's database. */
  lost: string[];
  /** Sync runs that did not complete (still running, failed), or finished with items never given an outcome. */
  unfinishedRuns: string[];
  runsCompleted: number;
}

export async function inspectEndState(stack: ProductStack, journey: MappedIntegration): Promise<EndState> {
  const expected = expectedComputers(stack);
  const assetsByHid = assetIdsByComputerId(stack.halo.state);
  const duplicates = duplicateComputers(stack);

  const { links, runs, pendingByRun } = await productRecords(stack.database.url, journey.integrationId);
  const lost = expected.filter((hid) => {
    const ids = assetsByHid.get(hid) ?? [];
    const link = links.get(hid);
    return ids.length === 0 || link?.state !== 'linked' || !ids.includes(link.assetId);
  });
  const unfinishedRuns = runs.filter((run) => run.state !== 'completed' || run.finishedAt === null || pendingByRun.has(run.id)).map((run) => run.id);
  return { expected: expected.length, duplicates, lost, unfinishedRuns, runsCompleted: runs.filter((run) => run.state === 'completed').length };
}

/** Computer ids held by more than one asset, or that HaloPSA was asked to create more than once. */
export function duplicateComputers(stack: ProductStack): string[] {
  const field = computerIdField(stack.halo.state);
  if (!field) throw new Error('setup did not create the computer-id custom field');
  const creates = stack.halo.state.assetCreates.snapshot()[field.name] ?? {};
  return [...new Set([...computerIdsWithSeveralAssets(stack.halo.state), ...Object.keys(creates).filter((hid) => creates[hid] > 1)])];
}

/**
 * Worked out from the demo data, not asked of the product (whose own eligibility could be what
 * broke): every company is mapped, so each licensed computer with a Backup or RMM agent.
 */
function expectedComputers(stack: ProductStack): string[] {
  return stack.dataset.console.computers.filter((c) => c.License?.Granted && (c.HasBackupApp || c.Apps.length > 0)).map((c) => c.ComputerHID.replace(/[{}]/g, '').toLowerCase());
}

interface RunRow {
  id: string;
  state: string;
  finishedAt: Date | null;
}

async function productRecords(databaseUrl: string, integrationId: string) {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const linkRows = await db.query<{ computer_hid: string; state: string; halo_asset_id: number | null }>(
      'SELECT computer_hid, state, halo_asset_id FROM computer_links WHERE integration_id = $1',
      [integrationId],
    );
    const runRows = await db.query<{ id: string; state: string; finished_at: Date | null }>('SELECT id, state, finished_at FROM sync_runs WHERE integration_id = $1', [integrationId]);
    const pending = await db.query<{ sync_run_id: string }>(
      `SELECT DISTINCT i.sync_run_id FROM sync_run_items i JOIN sync_runs r ON r.id = i.sync_run_id WHERE r.integration_id = $1 AND i.outcome = 'pending'`,
      [integrationId],
    );
    return {
      links: new Map(linkRows.rows.map((row) => [row.computer_hid, { state: row.state, assetId: row.halo_asset_id ?? -1 }])),
      runs: runRows.rows.map((row): RunRow => ({ id: row.id, state: row.state, finishedAt: row.finished_at })),
      pendingByRun: new Set(pending.rows.map((row) => row.sync_run_id)),
    };
  } finally {
    await db.end();
  }
}

export function syncFigures(end: EndState, injected: InjectedFaults): FaultFigures {
  return {
    ...injected,
    runsCompleted: end.runsCompleted,
    unfinished: end.unfinishedRuns.length,
    items: end.expected,
    duplicates: end.duplicates.length,
    lost: end.lost.length,
  };
}

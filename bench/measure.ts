import { readFile } from 'node:fs/promises';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { HaloSimulator } from '../simulators/halo/halo-simulator';
import { simControl } from './bench-http';

export interface HaloCounters {
  requests: { total: number; byPathAndVerb: Record<string, number> };
  assetCreatesByCustomFieldValue: Record<string, Record<string, number>>;
  rateLimitWindowUsage: Record<string, number>;
}

export interface RequestSummary {
  total: number;
  byVerb: Record<string, number>;
  byPathAndVerb: Record<string, number>;
  /** Requests refused with 429 (they are counted in the totals above too). */
  refused429: number;
  /** POSTs and DELETEs to HaloPSA's data (token requests are not writes). */
  writes: number;
}

/** HaloPSA requests counted since the last reset, by verb and by "VERB /path". */
export function summariseRequests(counters: HaloCounters, refused429: number): RequestSummary {
  const byVerb: Record<string, number> = {};
  let writes = 0;
  for (const [key, count] of Object.entries(counters.requests.byPathAndVerb)) {
    const verb = key.split(' ')[0];
    byVerb[verb] = (byVerb[verb] ?? 0) + count;
    if (verb !== 'GET' && key !== 'POST /auth/token') writes += count;
  }
  return { total: counters.requests.total, byVerb, byPathAndVerb: counters.requests.byPathAndVerb, refused429, writes };
}

/**
 * Counts the simulator's 429 refusals, in-process: the simulator's counters count every request
 * before its rate limiter decides, so refused ones are not told apart there. Instrumentation only.
 */
export function countRefusals(halo: HaloSimulator): { value(): number; reset(): void } {
  const limiter = halo.state.rateLimiter;
  const admit = limiter.admit.bind(limiter);
  let refused = 0;
  limiter.admit = (clientId: string) => {
    const refusal = admit(clientId);
    if (refusal) refused++;
    return refusal;
  };
  return { value: () => refused, reset: () => void (refused = 0) };
}

export function haloCounters(haloUrl: string): Promise<HaloCounters> {
  return simControl<HaloCounters>(haloUrl, 'GET', '/counters');
}

/** Computer-id values held by more than one asset in the HaloPSA simulator (any state). */
export function computerIdsWithSeveralAssets(halo: HaloSimulator): { fieldId: number | null; assetsWithComputerId: number; duplicates: Record<string, number> } {
  const field = halo.state.fieldInfos.all().find((f) => f.name.toLowerCase() === 'cfconsolecomputerid');
  if (!field) return { fieldId: null, assetsWithComputerId: 0, duplicates: {} };
  const perValue = new Map<string, number>();
  for (const asset of halo.state.assets.all()) {
    for (const value of (asset.customfields ?? []).filter((f) => f.id === field.id).map((f) => String(f.value ?? '').toLowerCase())) {
      if (value !== '') perValue.set(value, (perValue.get(value) ?? 0) + 1);
    }
  }
  const duplicates = Object.fromEntries([...perValue.entries()].filter(([, n]) => n > 1));
  return { fieldId: field.id, assetsWithComputerId: perValue.size, duplicates };
}

/** computer-id value → asset id, for watching one asset by id. */
export function assetIdsByComputerId(halo: HaloSimulator, fieldId: number): Map<string, number> {
  const byHid = new Map<string, number>();
  for (const asset of halo.state.assets.all()) {
    const value = (asset.customfields ?? []).find((f) => f.id === fieldId)?.value;
    if (value !== undefined && value !== null && value !== '') byHid.set(String(value).toLowerCase(), asset.id);
  }
  return byHid;
}

/** VmHWM (peak resident set) and VmRSS of a process, in MB (Linux /proc). */
export async function memoryOf(pid: number): Promise<{ peakRssMB: number | null; rssMB: number | null }> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string): number | null => {
      const match = new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
      return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : null;
    };
    return { peakRssMB: kb('VmHWM'), rssMB: kb('VmRSS') };
  } catch {
    return { peakRssMB: null, rssMB: null };
  }
}

/** History length of every execution (run) of one workflow id: closed ones (continued as new) and the open one. */
export async function historyLengths(client: Client, workflowId: string): Promise<Map<string, number>> {
  const lengths = new Map<string, number>();
  const runIds = new Set<string>();
  try {
    for await (const execution of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) runIds.add(execution.runId);
  } catch {
    // visibility not ready: the latest run below is still counted
  }
  try {
    runIds.add((await client.workflow.getHandle(workflowId).describe()).runId);
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
  for (const runId of runIds) {
    const description = await client.workflow.getHandle(workflowId, runId).describe();
    lengths.set(runId, description.historyLength);
  }
  return lengths;
}

/** Events added between two snapshots: a run present before counts its growth, a new run (continue-as-new) counts whole. */
export function historyGrowth(before: Map<string, number>, after: Map<string, number>): { events: number; executions: { runId: string; before: number; after: number }[] } {
  const executions = [...after.entries()].map(([runId, length]) => ({ runId, before: before.get(runId) ?? 0, after: length }));
  return { events: executions.reduce((sum, e) => sum + (e.after - e.before), 0), executions: executions.filter((e) => e.after !== e.before) };
}

export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

export const seconds = (ms: number): number => Math.round(ms / 10) / 100;

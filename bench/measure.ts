import { readFile } from 'node:fs/promises';
import type { Connection } from '@temporalio/client';
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
  return { total: counters.requests.total, byVerb, byPathAndVerb: templatedPaths(counters.requests.byPathAndVerb), refused429, writes };
}

/** Counts by "VERB /path" with record ids as `{id}` and computer ids as `{hid}`, so that one row stands for one kind of request. */
export function templatedPaths(byPathAndVerb: Record<string, number>): Record<string, number> {
  const templated: Record<string, number> = {};
  for (const [key, count] of Object.entries(byPathAndVerb)) {
    const path = key
      .replace(/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi, '/{hid}')
      .replace(/\/(client|site|asset|assettype|fieldinfo|custombutton|tickets)\/\d+(?=\/|$)/gi, '/$1/{id}');
    templated[path] = (templated[path] ?? 0) + count;
  }
  return templated;
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

/**
 * History length of every execution (run) of one workflow id: closed ones (continued as new) and
 * the open one. Raw WorkflowService calls: nothing here decodes a payload, so the product's
 * payload codec (whatever its keys) does not matter.
 */
export async function historyLengths(connection: Connection, namespace: string, workflowId: string): Promise<Map<string, number>> {
  const lengths = new Map<string, number>();
  const runIds = new Set<string>();
  const listed = await connection.workflowService.listWorkflowExecutions({ namespace, query: `WorkflowId = '${workflowId}'`, pageSize: 1_000 });
  for (const execution of listed.executions ?? []) if (execution.execution?.runId) runIds.add(execution.execution.runId);
  const latest = await describeRaw(connection, namespace, workflowId);
  if (latest?.workflowExecutionInfo?.execution?.runId) runIds.add(latest.workflowExecutionInfo.execution.runId);
  for (const runId of runIds) {
    const description = await describeRaw(connection, namespace, workflowId, runId);
    lengths.set(runId, Number(description?.workflowExecutionInfo?.historyLength ?? 0));
  }
  return lengths;
}

/** DescribeWorkflowExecution, undefined when there is no such workflow. */
export async function describeRaw(connection: Connection, namespace: string, workflowId: string, runId?: string) {
  try {
    return await connection.workflowService.describeWorkflowExecution({ namespace, execution: { workflowId, runId } });
  } catch (error) {
    if ((error as { code?: number }).code === 5) return undefined; // gRPC NOT_FOUND
    throw error;
  }
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

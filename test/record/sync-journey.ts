import { WorkflowExecutionInfo } from '@temporalio/client';
import { waitFor } from '../../dev/wait-for';
import { ApiAnswer, callApi } from '../support/api-client';
import { ProductStack } from '../support/product-stack';
import { simulatorControl } from '../support/simulator-control';
import { TenantFixture } from '../support/tenant-fixture';
import { Execution } from './history-file';
import { completed, listRuns, POLL_MS } from './workflow-runs';

type Trigger = 'manual' | 'event' | 'schedule';

interface Run {
  runId: string;
  trigger: Trigger;
  state: string;
}

const MAX_EVENT_RUNS = 20;

/**
 * Runs of the `sync:<integrationId>` workflow as an MSP causes them: "sync now", a computer renamed
 * in the Console (its signed event reaches the API, or the watcher finds it), and the schedule's tick. Each step waits
 * until its sync run has finished.
 */
export class SyncJourney {
  private renames = 0;

  private constructor(
    private readonly stack: ProductStack,
    private readonly tenant: TenantFixture,
    private readonly integrationId: string,
    private readonly hid: string,
  ) {}

  /**
   * Turns push on and the Console watcher down to an hourly poll (its own step is `watchedChange`),
   * points the Console simulator's events at the tenant, and picks the linked computer the events
   * will be about.
   */
  static async begin(stack: ProductStack, tenant: TenantFixture, integrationId: string): Promise<SyncJourney> {
    const settings = await callApi(stack.apiUrl, 'PUT', '/api/v1/halopsa/sync/settings', { token: tenant.apiKey, body: { pushEvents: true, watchIntervalSeconds: 3600 } });
    expectStatus(settings, 200, 'PUT /api/v1/halopsa/sync/settings');
    await simulatorControl(stack.console.url, 'PUT', '/event-target', tenant.consoleEvents);
    const linked = await callApi<{ items: { hid: string }[] }>(stack.apiUrl, 'GET', '/api/v1/halopsa/computers?state=linked&pageSize=1', { token: tenant.apiKey });
    const hid = linked.body.items?.[0]?.hid;
    if (!hid) throw new Error(`no linked computer to rename (GET computers answered ${linked.status})`);
    return new SyncJourney(stack, tenant, integrationId, hid);
  }

  async syncNow(): Promise<void> {
    await this.finishedRun('manual', async () => expectStatus(await this.api('POST', '/api/v1/halopsa/sync'), 202, 'POST /api/v1/halopsa/sync'));
  }

  async consoleEvent(): Promise<void> {
    this.renames += 1;
    await this.finishedRun('event', () => simulatorControl(this.stack.console.url, 'PATCH', `/computers/${this.hid}`, { computerName: `REPLAY-RENAMED-${this.renames}` }));
  }

  /** A rename without an event: the watcher, polling every 15 s, finds it and asks for the sync. */
  async watchedChange(): Promise<void> {
    await simulatorControl(this.stack.console.url, 'DELETE', '/event-target');
    expectStatus(await this.api('PUT', '/api/v1/halopsa/sync/settings', { watchIntervalSeconds: 15 }), 200, 'PUT /api/v1/halopsa/sync/settings');
    this.renames += 1;
    await this.finishedRun('event', () => simulatorControl(this.stack.console.url, 'PATCH', `/computers/${this.hid}`, { computerName: `REPLAY-WATCHED-${this.renames}` }));
  }

  /** The watcher's run, once it has ended (after the removal). */
  async watcherEnded(): Promise<WorkflowExecutionInfo> {
    const [run] = await listRuns(this.stack, `WorkflowId = 'watch:${this.integrationId}'`, (found) => found.length > 0 && found.every(completed));
    return run;
  }

  /** The schedule's tick, now (Temporal's "trigger"); returns the `scheduledSync` run it started, once the full run it asked for has finished. */
  async scheduleTick(): Promise<Execution> {
    await this.finishedRun('schedule', () => this.stack.temporal.client.schedule.getHandle(`sync-schedule:${this.integrationId}`).trigger());
    const ticks = await listRuns(this.stack, `WorkflowType = 'scheduledSync' AND IntegrationId = '${this.integrationId}'`, (found) => found.some(completed));
    return ticks.find(completed) as WorkflowExecutionInfo;
  }

  /** Console events until the workflow's first run has continued as new (past TEMPORAL_HISTORY_LIMIT events). */
  async untilContinuedAsNew(): Promise<void> {
    const [first] = await this.executions();
    for (let runs = 0; runs < MAX_EVENT_RUNS; runs++) {
      if ((await this.stack.temporal.client.workflow.getHandle(first.workflowId, first.runId).describe()).status.name === 'CONTINUED_AS_NEW') return;
      await this.consoleEvent();
    }
    throw new Error(`the sync workflow did not continue as new after ${MAX_EVENT_RUNS} event runs: lower TEMPORAL_HISTORY_LIMIT`);
  }

  /** The workflow's runs, oldest first. */
  async executions(): Promise<WorkflowExecutionInfo[]> {
    return listRuns(this.stack, `WorkflowId = 'sync:${this.integrationId}'`, (found) => found.length > 0);
  }

  private async finishedRun(trigger: Trigger, act: () => Promise<unknown>): Promise<void> {
    const known = new Set((await this.runs()).map((run) => run.runId));
    await act();
    await waitFor(`a ${trigger} sync run to finish`, async () => {
      const started = (await this.runs()).filter((run) => !known.has(run.runId) && run.trigger === trigger);
      return started.length > 0 && started.every((run) => run.state !== 'running');
    }, 60_000, POLL_MS);
  }

  private async runs(): Promise<Run[]> {
    const answer = await this.api<{ items: Run[] }>('GET', '/api/v1/halopsa/sync-runs?pageSize=100');
    expectStatus(answer, 200, 'GET /api/v1/halopsa/sync-runs');
    return answer.body.items;
  }

  private api<T>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> {
    return callApi<T>(this.stack.apiUrl, method, path, { token: this.tenant.apiKey, body });
  }
}

export function expectStatus(answer: ApiAnswer, status: number, call: string): void {
  if (answer.status !== status) throw new Error(`${call} answered ${answer.status}, not ${status}: ${JSON.stringify(answer.body)}`);
}

import { allHandlersFinished, condition, patched, proxyActivities, setHandler, uuid4 } from '@temporalio/workflow';
import type { RemovalActivities } from '../activities/removal-activities';
import { ManualAction, RemovalState, removalState, RemovalStepName, REMOVAL_STEPS, resolveManualAction, retryManualAction } from './removal-messages';
import { REMOVAL_STEP } from './activity-options';
import { failureReason } from './failures';

export interface RemoveIntegrationInput {
  integrationId: string;
  tenantId: string;
  removalId: string;
  /** How long open manual actions are waited for before the removal completes without them. */
  manualActionWaitSeconds: number;
}

const activities = proxyActivities<RemovalActivities>(REMOVAL_STEP);

const WHERE = {
  'delete-button': 'HaloPSA > Configuration > Custom Objects > Custom Buttons (Assets)',
  'delete-custom-fields': 'HaloPSA > Configuration > Custom Objects > Custom Fields (Assets)',
} as const;

const WHAT = {
  'delete-button': 'Delete the "Connect to computer" custom button on assets.',
  'delete-custom-fields': 'Delete the asset custom fields whose names start with CFConsole (the computer id and the Console data).',
} as const;

type HaloCleanupStep = keyof typeof WHERE;

/**
 * remove:<integrationId>. Stops syncing, deletes what setup created in HaloPSA, forgets the
 * credentials and mappings, and leaves the assets. A cleanup step that HaloPSA refuses (403, or
 * a failure retries cannot fix) becomes a manual action; the workflow waits (durably, for a set
 * time) for an administrator to retry it or resolve it by hand, then finishes.
 */
export async function removeIntegration(input: RemoveIntegrationInput): Promise<RemovalState> {
  // Events stop reaching the sync when the API marks the integration `removing`, before this
  // starts; the step that only said so is left to removals started before it was dropped.
  const withEventIntakeStep = !patched('removal-without-stop-event-intake-step');
  const state: RemovalState = {
    steps: REMOVAL_STEPS.filter((step) => withEventIntakeStep || step !== 'stop-event-intake').map((step) => ({ step, outcome: 'pending', detail: null })),
    manualActions: [],
    waitingUntil: null,
    assetsRemaining: null,
  };
  const stepOf = (name: RemovalStepName) => state.steps.find((s) => s.step === name)!;
  const openAction = (id: string) => state.manualActions.find((a) => a.id === id && a.state === 'open');
  const record = (finished = false) => activities.recordRemoval({ removalId: input.removalId, state, finished });

  const cleanup: Record<HaloCleanupStep, () => Promise<string>> = {
    'delete-button': () => activities.deleteConnectButton(input),
    'delete-custom-fields': () => activities.deleteCustomFields(input),
  };

  async function run(name: RemovalStepName, body: () => Promise<string>): Promise<void> {
    stepOf(name).detail = await body();
    stepOf(name).outcome = 'done';
    await record();
  }

  async function runCleanup(name: HaloCleanupStep): Promise<void> {
    try {
      await run(name, cleanup[name]);
    } catch (error) {
      const why = failureReason(error);
      stepOf(name).outcome = 'needs-a-human';
      stepOf(name).detail = why;
      state.manualActions.push({ id: uuid4(), step: name, what: WHAT[name], where: WHERE[name], why, state: 'open', attempts: 1, lastTriedAt: new Date().toISOString() });
      await record();
    }
  }

  const validator = (id: string): void => {
    if (!openAction(id)) throw new Error(`No open manual action ${id} in this removal.`);
  };
  setHandler(removalState, () => state);
  setHandler(
    retryManualAction,
    async (id: string): Promise<ManualAction> => {
      const action = openAction(id)!;
      action.state = 'retrying';
      action.attempts = (action.attempts ?? 1) + 1;
      action.lastTriedAt = new Date().toISOString();
      try {
        await run(action.step, cleanup[action.step as HaloCleanupStep]);
        action.state = 'done-by-retry';
      } catch (error) {
        action.state = 'open';
        action.why = failureReason(error);
      }
      await record();
      return action;
    },
    { validator },
  );
  setHandler(
    resolveManualAction,
    async (id: string): Promise<ManualAction> => {
      const action = openAction(id)!;
      action.state = 'resolved-by-hand';
      stepOf(action.step).outcome = 'done';
      stepOf(action.step).detail = 'done by hand in HaloPSA';
      await record();
      return action;
    },
    { validator },
  );

  await run('delete-schedule', () => activities.deleteSyncSchedule(input));
  if (withEventIntakeStep) await run('stop-event-intake', async () => 'Console events for this integration are ignored from now on');
  await run('stop-sync', () => activities.stopSync(input));
  await runCleanup('delete-button');
  await runCleanup('delete-custom-fields');

  const unsettled = () => state.manualActions.some((a) => a.state === 'open' || a.state === 'retrying');
  if (unsettled()) {
    state.waitingUntil = new Date(Date.now() + input.manualActionWaitSeconds * 1000).toISOString();
    await record();
    const settled = await condition(() => !unsettled(), `${input.manualActionWaitSeconds} seconds`);
    if (!settled) {
      await condition(() => !state.manualActions.some((a) => a.state === 'retrying'));
      for (const action of state.manualActions.filter((a) => a.state === 'open')) stepOf(action.step).outcome = 'left-for-a-human';
    }
    state.waitingUntil = null;
  }
  await condition(allHandlersFinished);

  await run('forget-integration', async () => {
    state.assetsRemaining = await activities.forgetIntegration(input);
    return `credentials, mappings and run history forgotten; ${state.assetsRemaining} HaloPSA assets remain as they are and are no longer synced`;
  });
  stepOf('mark-removed').outcome = 'done';
  stepOf('mark-removed').detail = 'removed';
  await record(true);
  return state;
}

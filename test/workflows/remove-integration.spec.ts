import { ApplicationFailure } from '@temporalio/common';
import { waitFor } from '../../dev/wait-for';
import type { RemovalActivities } from '../../activities/removal-activities';
import { removeIntegration, RemoveIntegrationInput } from '../../workflows/remove-integration';
import { ManualAction, RemovalState, removalState, resolveManualAction, retryManualAction } from '../../workflows/removal-messages';
import { StartedWorkflow, stubActivityWorkersForThisFile } from '../support/stub-activity-worker';

type Outcome = 'ok' | 'refused';

/** An update the validator refused: the client's error carries the validator's message as its cause. */
const refusedByValidator = { cause: { message: expect.stringMatching(/^No open manual action/) } };

/** Stub activities: each HaloPSA clean-up answers as told, each record is kept. */
function stubRemoval(answers: { button: Outcome[]; fields: Outcome[] }) {
  const records: { state: RemovalState; finished: boolean }[] = [];
  const answer = (queue: Outcome[], done: string) => async (): Promise<string> => {
    if ((queue.shift() ?? 'ok') === 'refused') throw ApplicationFailure.nonRetryable('HaloPSA answered 403: the application lacks the right to delete it', 'Halo_forbidden');
    return done;
  };
  const activities: RemovalActivities = {
    deleteSyncSchedule: async () => 'schedule deleted',
    stopSync: async () => 'sync stopped',
    deleteConnectButton: answer(answers.button, 'button deleted'),
    deleteCustomFields: answer(answers.fields, 'custom fields deleted'),
    forgetIntegration: async () => 42,
    recordRemoval: async (input) => void records.push(structuredClone({ state: input.state, finished: input.finished })),
  };
  return { activities, records };
}

/** The removal workflow on a real Temporal server with stub activities: steps, manual actions, the wait. */
describe('remove:<integrationId>', () => {
  const workers = stubActivityWorkersForThisFile();

  async function removal(stub: ReturnType<typeof stubRemoval>, waitSeconds: number, during: (handle: StartedWorkflow) => Promise<void>) {
    return workers().run(stub.activities, async (taskQueue) => {
      const input: RemoveIntegrationInput = { integrationId: 'i', tenantId: 't', removalId: 'r', manualActionWaitSeconds: waitSeconds };
      const handle = await workers().env.client.workflow.start(removeIntegration, { taskQueue, workflowId: `remove-${taskQueue}`, args: [input] });
      await during(handle);
      return (await handle.result()) as RemovalState;
    });
  }

  const openAction = async (handle: { query: (q: typeof removalState) => Promise<RemovalState> }): Promise<ManualAction> => {
    let action: ManualAction | undefined;
    await waitFor('a manual action', async () => {
      action = (await handle.query(removalState)).manualActions.find((a) => a.state === 'open');
      return action !== undefined;
    }, 20_000);
    return action as ManualAction;
  };

  it('runs every step in order and records the end, with nothing left to a person', async () => {
    const stub = stubRemoval({ button: [], fields: [] });
    const state = await removal(stub, 60, async () => undefined);
    expect(state.steps.map((s) => `${s.step}:${s.outcome}`)).toEqual([
      'delete-schedule:done',
      'stop-sync:done',
      'delete-button:done',
      'delete-custom-fields:done',
      'forget-integration:done',
      'mark-removed:done',
    ]);
    expect(state.manualActions).toEqual([]);
    expect(state.assetsRemaining).toBe(42);
    expect(stub.records.at(-1)?.finished).toBe(true);
    expect(stub.records.slice(0, -1).every((r) => !r.finished)).toBe(true);
  });

  it('turns a refused step into a manual action; a retry that fails again says so, one that works closes it', async () => {
    const stub = stubRemoval({ button: ['refused', 'refused', 'ok'], fields: [] });
    let afterFailedRetry: ManualAction | undefined;
    const state = await removal(stub, 600, async (handle) => {
      const action = await openAction(handle);
      expect(action).toMatchObject({ step: 'delete-button', attempts: 1, why: expect.stringContaining('403') });
      await expect(handle.executeUpdate(retryManualAction, { args: ['no-such-action'] })).rejects.toMatchObject(refusedByValidator);
      afterFailedRetry = await handle.executeUpdate(retryManualAction, { args: [action.id] });
      const closed = await handle.executeUpdate(retryManualAction, { args: [action.id] });
      expect(closed).toMatchObject({ state: 'done-by-retry', attempts: 3 });
      await expect(handle.executeUpdate(resolveManualAction, { args: [action.id] })).rejects.toMatchObject(refusedByValidator);
    });
    expect(afterFailedRetry).toMatchObject({ state: 'open', attempts: 2, why: expect.stringContaining('403') });
    expect(state.steps.find((s) => s.step === 'delete-button')).toMatchObject({ outcome: 'done', detail: 'button deleted' });
    expect(state.waitingUntil).toBeNull();
    expect(stub.records.at(-1)?.finished).toBe(true);
  });

  it('counts a step done by hand as done', async () => {
    const stub = stubRemoval({ button: [], fields: ['refused'] });
    const state = await removal(stub, 600, async (handle) => {
      const action = await openAction(handle);
      expect(await handle.executeUpdate(resolveManualAction, { args: [action.id] })).toMatchObject({ state: 'resolved-by-hand', step: 'delete-custom-fields' });
    });
    expect(state.steps.find((s) => s.step === 'delete-custom-fields')).toMatchObject({ outcome: 'done', detail: 'done by hand in HaloPSA' });
    expect(state.manualActions.map((a) => a.state)).toEqual(['resolved-by-hand']);
  });

  it('finishes without a person once the wait is over, leaving the open actions to a human', async () => {
    const stub = stubRemoval({ button: ['refused'], fields: ['refused'] });
    const state = await removal(stub, 2, async () => undefined);
    expect(state.steps.filter((s) => s.outcome === 'left-for-a-human').map((s) => s.step)).toEqual(['delete-button', 'delete-custom-fields']);
    expect(state.manualActions.map((a) => a.state)).toEqual(['open', 'open']);
    expect(state.steps.at(-1)).toMatchObject({ step: 'mark-removed', outcome: 'done' });
  });
});

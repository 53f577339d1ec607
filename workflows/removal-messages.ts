import { defineQuery, defineUpdate } from '@temporalio/workflow';

export const REMOVAL_STEPS = ['delete-schedule', 'stop-event-intake', 'stop-sync', 'delete-button', 'delete-custom-fields', 'forget-integration', 'mark-removed'] as const;
export type RemovalStepName = (typeof REMOVAL_STEPS)[number];

export interface RemovalStep {
  step: RemovalStepName;
  outcome: 'pending' | 'done' | 'needs-a-human' | 'left-for-a-human';
  detail: string | null;
}

/** What a person must do in HaloPSA because the integration could not (a 403, or a failure retries cannot fix). */
export interface ManualAction {
  id: string;
  step: RemovalStepName;
  what: string;
  where: string;
  /** Why the step failed, the last time it was tried. */
  why: string;
  state: 'open' | 'retrying' | 'done-by-retry' | 'resolved-by-hand';
  /** Times the step was tried: 1 when the action opened, one more per retry (absent in removals started before it was kept). */
  attempts?: number;
  /** When it was last tried (ISO 8601). */
  lastTriedAt?: string;
}

export interface RemovalState {
  steps: RemovalStep[];
  manualActions: ManualAction[];
  waitingUntil: string | null;
  assetsRemaining: number | null;
}

/** After fixing permissions in HaloPSA: run the failed step again. */
export const retryManualAction = defineUpdate<ManualAction, [string]>('retryManualAction');

/** Done by hand in HaloPSA: the step counts as done. */
export const resolveManualAction = defineUpdate<ManualAction, [string]>('resolveManualAction');

export const removalState = defineQuery<RemovalState>('removalState');

import { ProductStack } from './product-stack';

/**
 * The result of a workflow run, or, when it has not finished within `timeoutMs`, an error that says
 * where it stands: its status, its pending activities with their last failures, and the tail of the
 * worker's output. (A bare `result()` waits forever and leaves only a hook timeout to read.)
 */
export async function workflowResult<T = unknown>(stack: ProductStack, run: { workflowId: string; runId?: string }, timeoutMs = 45_000): Promise<T> {
  const handle = stack.temporal.client.workflow.getHandle(run.workflowId, run.runId);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timed out'>((resolve) => (timer = setTimeout(() => resolve('timed out'), timeoutMs)));
  try {
    const outcome = await Promise.race([handle.result() as Promise<T>, timedOut]);
    if (outcome !== 'timed out') return outcome;
  } finally {
    clearTimeout(timer);
  }
  const described = await handle.describe();
  const pending = (described.raw.pendingActivities ?? []).map(
    (activity) => `${activity.activityType?.name} (attempt ${activity.attempt}${activity.lastFailure?.message ? `, last failure: ${activity.lastFailure.message}` : ''})`,
  );
  throw new Error(
    `${run.workflowId} has not finished after ${timeoutMs} ms: ${described.status.name}, pending activities: ${pending.join('; ') || 'none'}.\n` +
      `The worker's last output:\n${stack.worker.output().slice(-3_000)}`,
  );
}

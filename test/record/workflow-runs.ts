import { WorkflowExecutionInfo } from '@temporalio/client';
import { waitFor } from '../../dev/wait-for';
import { ProductStack } from '../support/product-stack';

/** Polling pace of the recorder: well inside the API key's 120 requests a minute. */
export const POLL_MS = 1_000;

export const completed = (run: WorkflowExecutionInfo): boolean => run.status.name === 'COMPLETED';

/** The workflow runs a visibility query finds, oldest first, once `ready` holds for them (visibility lags a little). */
export async function listRuns(stack: ProductStack, query: string, ready: (found: WorkflowExecutionInfo[]) => boolean): Promise<WorkflowExecutionInfo[]> {
  let found: WorkflowExecutionInfo[] = [];
  await waitFor(
    `workflow runs matching ${query}`,
    async () => {
      found = [];
      for await (const execution of stack.temporal.client.workflow.list({ query })) found.push(execution);
      return ready(found);
    },
    30_000,
    POLL_MS,
  );
  return found.sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
}

import { ProductStack } from './product-stack';
import { startProductProcess } from './product-process';

/** Kills the stack's worker outright (no shutdown of any kind), then starts another and waits until it polls. */
export async function killAndReplaceWorker(stack: ProductStack): Promise<void> {
  stack.worker.child.kill('SIGKILL');
  await stack.worker.exited;
  stack.worker = startProductProcess('worker', stack.env);
  await stack.worker.waitForOutput(/"state":"RUNNING"/);
}

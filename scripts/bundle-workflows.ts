import { writeFileSync } from 'node:fs';
import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOW_BUNDLE_PATH, workflowBundleOptions } from '../src/temporal/workflow-bundle';

/**
 * `npm run build`'s last step: the workflow code bundled once, so the worker loads a file instead
 * of running webpack at every start (faster, and the bundler never sits in the worker's memory).
 */
async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode(workflowBundleOptions());
  writeFileSync(WORKFLOW_BUNDLE_PATH, code);
  process.stdout.write(`workflow bundle written: ${WORKFLOW_BUNDLE_PATH} (${Math.round(code.length / 1024)} KiB)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

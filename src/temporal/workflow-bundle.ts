import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleOptions, WorkerOptions } from '@temporalio/worker';

/** Where `npm run build` writes the bundled workflow code: next to the compiled `src/` and `workflows/`. */
export const WORKFLOW_BUNDLE_PATH = join(__dirname, '..', '..', 'workflow-bundle.js');

/** What the workflow code is bundled from: the workflows and the failure converter they run with. */
export function workflowBundleOptions(): BundleOptions {
  return { workflowsPath: require.resolve('../../workflows'), failureConverterPath: require.resolve('./failure-converter') };
}

/**
 * The bundle `npm run build` made when there is one (the compiled product); otherwise the sources,
 * bundled when the worker starts (tests running the TypeScript).
 */
export function workflowCode(): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  return existsSync(WORKFLOW_BUNDLE_PATH) ? { workflowBundle: { codePath: WORKFLOW_BUNDLE_PATH } } : { workflowsPath: workflowBundleOptions().workflowsPath };
}

import { DataConverter } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { PRODUCT_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { stoppedWithTestFile } from './file-teardown';
import { requiredTestEnv, TEST_ENV } from './test-env';

/** The dev server's Web UI: its port, and the codec endpoint it is told about (`--ui-codec-endpoint`). */
export interface TemporalUiOptions {
  port: number;
  codecEndpoint: string;
}

/**
 * A real Temporal dev server for one test file, from the project's own CLI binary. Pass the
 * product's `dataConverter` (see `productDataConverter`) when the test reads workflow results or
 * errors through `env.client`: the product encrypts every payload. Headless unless `ui` is given.
 * It is torn down when the test file ends if the test has not done it.
 */
export async function startTemporalTestEnv(
  options: { port?: number; dbFilename?: string; dataConverter?: DataConverter; ui?: TemporalUiOptions } = {},
): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: requiredTestEnv(TEST_ENV.temporalCli) },
      ip: '127.0.0.1',
      port: options.port,
      dbFilename: options.dbFilename,
      searchAttributes: PRODUCT_SEARCH_ATTRIBUTES,
      ...(options.ui ? { ui: true, uiPort: options.ui.port, extraArgs: ['--ui-codec-endpoint', options.ui.codecEndpoint] } : {}),
    },
    client: options.dataConverter ? { dataConverter: options.dataConverter } : undefined,
  });
  env.teardown = stoppedWithTestFile(env.teardown.bind(env));
  return env;
}

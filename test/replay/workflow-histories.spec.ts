import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';

const HISTORIES = join(__dirname, 'histories');

/**
 * Histories recorded from real runs (`temporal workflow show --output json`) replayed against the
 * current workflow code: a change that would break running workflows fails here. Record a new one
 * for every workflow kind and outcome worth keeping.
 */
describe('recorded workflow histories replay against the current code', () => {
  it.each(readdirSync(HISTORIES).filter((file) => file.endsWith('.json')))('%s', async (file) => {
    const history = JSON.parse(readFileSync(join(HISTORIES, file), 'utf8'));
    await Worker.runReplayHistory({ workflowsPath: require.resolve('../../workflows') }, history, file);
  });
});

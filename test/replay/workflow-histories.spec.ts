import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';

/** The committed histories, or another directory of them (e.g. a fresh `npm run replay:record`). */
const HISTORIES = process.env.REPLAY_HISTORIES_DIR || join(__dirname, 'histories');

/**
 * Histories recorded from real runs (`temporal workflow show --output json` through the codec
 * endpoint) replayed against the current workflow code: a change that would break running
 * workflows fails here. How and when to record: test/replay/README.md.
 */
describe('recorded workflow histories replay against the current code', () => {
  it.each(readdirSync(HISTORIES).filter((file) => file.endsWith('.json')))('%s', async (file) => {
    const history = JSON.parse(readFileSync(join(HISTORIES, file), 'utf8'));
    await Worker.runReplayHistory({ workflowsPath: require.resolve('../../workflows') }, history, file);
  });
});

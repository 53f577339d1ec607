import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../dev/project-paths';
import { ProductStack } from '../support/product-stack';
import { requiredTestEnv, TEST_ENV } from '../support/test-env';

const run = promisify(execFile);

/** One run of a workflow. */
export interface Execution {
  workflowId: string;
  runId: string;
}

const JSON_PLAIN = Buffer.from('json/plain').toString('base64');
const ENCRYPTED = Buffer.from('binary/encrypted').toString('base64');

/**
 * One run's history as test/replay/README.md says to record it: `temporal workflow show --output json`
 * through the API's codec endpoint, so every payload is in clear (the replay worker has no codec).
 */
export async function showDecodedHistory(stack: ProductStack, execution: Execution): Promise<unknown> {
  const { stdout } = await run(
    requiredTestEnv(TEST_ENV.temporalCli),
    [
      'workflow', 'show', '--workflow-id', execution.workflowId, '--run-id', execution.runId,
      '--address', stack.env.TEMPORAL_ADDRESS, '--namespace', stack.env.TEMPORAL_NAMESPACE ?? 'default',
      '--output', 'json', '--no-json-shorthand-payloads',
      '--codec-endpoint', `${stack.apiUrl}/codec`, '--codec-auth', `Bearer ${stack.operatorToken}`,
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const history = JSON.parse(stdout) as unknown;
  const encrypted = countPayloads(history, (payload) => payload.metadata.encoding === ENCRYPTED);
  if (encrypted > 0) throw new Error(`${encrypted} payloads of ${execution.workflowId} (run ${execution.runId}) are still encrypted: the codec endpoint did not decode them`);
  return history;
}

/**
 * The history with this machine's paths made relative to the project (`node_modules/…`,
 * `dist/…`, `workflows/…`), wherever they are: in stack traces, and inside the JSON payloads
 * that carry failures' encoded messages and stack traces.
 */
export function withRelativePaths(value: unknown, root = PROJECT_ROOT): unknown {
  const relative = (text: string): string => text.split(`${root}/`).join('');
  if (typeof value === 'string') return relative(value);
  if (Array.isArray(value)) return value.map((item) => withRelativePaths(item, root));
  if (typeof value !== 'object' || value === null) return value;
  if (isJsonPayload(value)) {
    return { ...value, data: Buffer.from(relative(Buffer.from(value.data, 'base64').toString('utf8')), 'utf8').toString('base64') };
  }
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withRelativePaths(inner, root)]));
}

/** Writes `<dir>/<name>.json`. Never replaces a file: a committed history guards the runs its code version started. */
export async function writeHistory(dir: string, name: string, history: unknown): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name}.json`);
  try {
    await writeFile(path, `${JSON.stringify(history, null, 2)}\n`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new Error(`${path} exists: recorded histories are never replaced (record into an empty directory, then add new files under new names)`);
  }
  return path;
}

interface JsonPayload {
  metadata: Record<string, string>;
  data: string;
}

function isPayload(value: object): value is { metadata: Record<string, string>; data?: string } {
  const metadata = (value as { metadata?: unknown }).metadata;
  return typeof metadata === 'object' && metadata !== null && typeof (metadata as Record<string, unknown>).encoding === 'string';
}

function isJsonPayload(value: object): value is JsonPayload {
  return isPayload(value) && value.metadata.encoding === JSON_PLAIN && typeof value.data === 'string';
}

function countPayloads(value: unknown, matches: (payload: { metadata: Record<string, string> }) => boolean): number {
  if (typeof value !== 'object' || value === null) return 0;
  if (isPayload(value)) return matches(value) ? 1 : 0;
  return Object.values(value).reduce((count: number, inner) => count + countPayloads(inner, matches), 0);
}

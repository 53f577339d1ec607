import { Client } from '@temporalio/client';
import { Payload } from '@temporalio/common';
import { decode, loadDataConverter } from '@temporalio/common/lib/internal-non-workflow';
import { productDataConverter } from './product-env';
import { ProductStack } from './product-stack';
import { ScanSource } from './secret-scan';

function isPayload(value: object): value is Payload {
  const candidate = value as Payload;
  return typeof candidate.metadata === 'object' && candidate.metadata !== null && (candidate.data === undefined || candidate.data instanceof Uint8Array);
}

/** Every payload anywhere in a history: inputs, results, failures' encoded attributes, memos, headers, summaries. */
function payloadsIn(value: unknown, found: Payload[] = []): Payload[] {
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return found;
  if (isPayload(value)) {
    found.push(value);
    return found;
  }
  for (const child of Array.isArray(value) ? value : Object.values(value)) payloadsIn(child, found);
  return found;
}

/** The namespace's workflows and the ones Temporal runs for its schedules (listed apart). */
async function* allExecutions(stack: ProductStack): AsyncGenerator<{ workflowId: string; runId: string }> {
  yield* stack.temporal.client.workflow.list();
  yield* stack.temporal.client.workflow.list({ query: "TemporalNamespaceDivision = 'TemporalScheduler'" });
}

/**
 * Every workflow history of the stack's namespace (its schedules' included), twice: as Temporal
 * keeps it (the JSON of the raw history, fetched by a client without the product's codec) and as
 * the codec reads it (the text of every payload, decrypted).
 */
export async function historySources(stack: ProductStack): Promise<{ histories: number; sources: ScanSource[] }> {
  const plainClient = new Client({ connection: stack.temporal.connection, namespace: 'default' });
  const { payloadCodecs } = loadDataConverter(productDataConverter(stack.env as { TEMPORAL_CODEC_KEYS: string }));
  const sources: ScanSource[] = [];
  let histories = 0;
  for await (const execution of allExecutions(stack)) {
    const history = await plainClient.workflow.getHandle(execution.workflowId, execution.runId).fetchHistory();
    const decoded = await decode(payloadCodecs, payloadsIn(history));
    const name = `${execution.workflowId} (run ${execution.runId})`;
    const stillEncrypted = decoded.filter((payload) => Buffer.from(payload.metadata?.encoding ?? []).toString() === 'binary/encrypted').length;
    if (stillEncrypted > 0) throw new Error(`${stillEncrypted} payloads of ${name} did not decrypt with the product's codec keys`);
    sources.push({ where: `the raw history of ${name}`, text: JSON.stringify(history) });
    sources.push({ where: `the decoded payloads of ${name}`, text: decoded.map((payload) => Buffer.from(payload.data ?? new Uint8Array()).toString('utf8')).join('\n') });
    histories += 1;
  }
  return { histories, sources };
}

import { z } from 'zod';
import { pagedAnswer } from '../http/openapi/paged-answer';
import { SyncNowAnswer, SyncService, SyncSettingsView } from './sync.service';

export const syncNowAnswer = z.strictObject({
  workflowId: z.string(),
  runId: z.string().nullable().describe('The queued full run; null only when no worker answered within 5 s (the run is queued all the same).'),
  follow: z.string().describe('Where to follow the run (GET).'),
}) satisfies z.ZodType<SyncNowAnswer>;

export const syncSettingsAnswer = z.strictObject({
  intervalMinutes: z.int(),
  quietWindow: z.strictObject({ start: z.string(), end: z.string(), timeZone: z.string() }).nullable(),
  autoExport: z.boolean(),
  deepCheckHours: z.int(),
  deletedAssetPolicy: z.enum(['report', 'recreate']),
  watchIntervalSeconds: z.int(),
  pushEvents: z.boolean(),
  paused: z.boolean(),
  schedule: z.enum(['present', 'absent']),
}) satisfies z.ZodType<SyncSettingsView>;

const trigger = z.enum(['schedule', 'manual', 'event']);
const scope = z.enum(['full', 'computers']);

const runFields = {
  runId: z.string(),
  trigger,
  scope,
  state: z.enum(['running', 'completed', 'failed', 'skipped']),
  deepCheck: z.boolean(),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  counts: z.record(z.string(), z.int()).describe('Computers per action and outcome.'),
  error: z.string().nullable(),
  workflowId: z.string(),
};

export const syncRunsAnswer = pagedAnswer(z.strictObject(runFields)) satisfies z.ZodType<Awaited<ReturnType<SyncService['runs']>>>;

const progress = z
  .strictObject({
    running: z.strictObject({ runId: z.string(), trigger, scope, planned: z.int(), processed: z.int() }).nullable(),
    queued: z.strictObject({ full: z.boolean(), fullRunId: z.string().nullable().optional(), beginningRunId: z.string().nullable().optional(), computers: z.int() }),
    runsInThisHistory: z.int(),
  })
  .describe("The sync workflow's live progress.");

const items = pagedAnswer(
  z.strictObject({
    hid: z.string(),
    hostName: z.string().nullable(),
    companyName: z.string().nullable(),
    action: z.string(),
    outcome: z.enum(['pending', 'done', 'failed', 'left-alone']),
    haloAssetId: z.int().nullable(),
    changes: z.array(z.string()),
    changedFields: z.array(z.string()).describe('The changes by name, e.g. "host name", "Operating system (custom field 302)".'),
    reason: z.string().nullable(),
  }),
);

/** One run with its computers; a full run that "sync now" queued and that has not begun answers state "queued". */
export const syncRunAnswer = z.union([
  z.strictObject({ ...runFields, progress: progress.nullable().describe('While the run is running; else null.'), items }),
  z.strictObject({
    runId: z.string(),
    trigger: z.null(),
    scope: z.literal('full'),
    state: z.literal('queued'),
    deepCheck: z.null(),
    startedAt: z.null(),
    finishedAt: z.null(),
    counts: z.strictObject({}),
    error: z.null(),
    workflowId: z.string(),
    progress,
    items: pagedAnswer(z.never()).describe('Empty until the run begins.'),
  }),
]) satisfies z.ZodType<Awaited<ReturnType<SyncService['run']>>>;

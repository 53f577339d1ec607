import { z } from 'zod';
import { INTEGRATION_STATES } from '../persistence/entities/integration.entity';
import { IntegrationStatus } from './integration-status';
import { WorkflowStatus } from './integration-workflows';
import { permissionReportAnswer } from './permissions/permission-report.answers';

const workflowStatus = z.strictObject({
  workflowId: z.string(),
  runId: z.string().nullable(),
  state: z.enum(['running', 'completed', 'failed', 'cancelled', 'terminated', 'continued-as-new', 'timed-out', 'not-started', 'unknown', 'unreadable']),
}) satisfies z.ZodType<WorkflowStatus>;

const workflows = z.union([
  z.strictObject({
    setup: workflowStatus.nullable(),
    sync: workflowStatus,
    watcher: workflowStatus,
    schedule: z.strictObject({ scheduleId: z.string(), state: z.enum(['active', 'paused', 'not-started', 'unreadable']) }),
    lastExport: workflowStatus.nullable(),
    removal: workflowStatus,
  }),
  z.strictObject({ setup: z.null() }).describe('Before HaloPSA is connected.'),
]);

/** The answer of GET /api/v1/halopsa. */
export const integrationStatusAnswer = z.strictObject({
  state: z.enum([...INTEGRATION_STATES, 'not-connected']),
  operational: z.boolean().describe('True only when every mandatory step is done.'),
  steps: z.array(
    z.strictObject({
      step: z.enum(['authentication-and-permissions', 'company-mapping', 'computer-mapping', 'default-asset-types']),
      mandatory: z.boolean(),
      done: z.boolean(),
    }),
  ),
  progress: z
    .strictObject({
      companies: z.strictObject({ mapped: z.int(), total: z.int() }),
      computers: z.strictObject({ linked: z.int(), excluded: z.int(), unlinked: z.int() }),
      assetTypes: z.strictObject({ mapped: z.int(), inUse: z.int() }),
    })
    .nullable()
    .describe('null with progressUnreadable when the counts could not be read.'),
  progressUnreadable: z.string().nullable(),
  lastError: z.string().nullable(),
  halo: z.strictObject({ url: z.string(), authorisationUrl: z.string(), tenant: z.string().nullable(), clientId: z.string() }).optional(),
  computerIdFieldId: z.int().nullable(),
  connectButtonId: z.int().nullable(),
  permissionReport: permissionReportAnswer.nullable(),
  workflows,
  connectedAt: z.iso.datetime().nullable(),
}) satisfies z.ZodType<IntegrationStatus>;

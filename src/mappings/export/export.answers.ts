import { z } from 'zod';
import { ExportAnswer, ExportRunView } from './export.service';

const idValues = z.array(z.strictObject({ id: z.int(), value: z.string() }));

export const exportRunAnswer = z.strictObject({
  exportRunId: z.string(),
  state: z.string(),
  workflowId: z.string().nullable(),
  lastError: z.string().nullable(),
  counts: z.record(z.string(), z.int()).describe('Computers per outcome.'),
  items: z.array(z.strictObject({ hid: z.string(), outcome: z.string(), haloAssetId: z.int().nullable(), reason: z.string().nullable() })),
}) satisfies z.ZodType<ExportRunView>;

const skipped = z.array(z.strictObject({ hid: z.string(), reason: z.string() }));

const missingAssetType = z
  .array(
    z.strictObject({
      hid: z.string(),
      hostName: z.string(),
      licenseType: z.string().nullable(),
      reason: z.string(),
      fix: z.strictObject({
        method: z.enum(['PUT', 'POST']),
        path: z.string(),
        body: z.strictObject({ assetTypeId: z.string(), hids: z.array(z.string()).optional() }),
      }),
    }),
  )
  .describe('Left out of the export: no asset type applies; each says the request that fixes it.');

/** The answer of POST /api/v1/halopsa/computers/export: the plan for a dry run, else the export's state. */
export const exportAnswer = z.union([
  z.strictObject({
    dryRun: z.literal(true),
    plan: z.strictObject({
      create: z.array(
        z.strictObject({
          hid: z.string(),
          asset: z.strictObject({
            companyId: z.string(),
            customerId: z.int(),
            siteId: z.int(),
            assetTypeId: z.int(),
            hostName: z.string(),
            fields: idValues,
            customfields: idValues,
          }),
        }),
      ),
      skipped,
      missingAssetType,
    }),
  }),
  z.strictObject({
    dryRun: z.literal(false),
    finished: z.boolean().describe('Whether the export finished before the answer (200); else it goes on (202): follow run.exportRunId.'),
    run: exportRunAnswer,
    skipped,
    missingAssetType,
  }),
]) satisfies z.ZodType<ExportAnswer>;

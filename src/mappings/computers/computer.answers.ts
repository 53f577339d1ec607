import { z } from 'zod';
import { pagedAnswer } from '../../http/openapi/paged-answer';
import { ComputerChange, ComputerPage, ComputerView } from './computers.service';

const computer = z.strictObject({
  hid: z.string(),
  hostName: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  os: z.string(),
  licenseType: z.string().nullable(),
  hasBackupAgent: z.boolean(),
  hasRmmAgent: z.boolean(),
  state: z.enum(['linked', 'unlinked', 'excluded']),
  haloAssetId: z.int().nullable(),
  suggestions: z
    .array(
      z.strictObject({
        assetId: z.int(),
        reason: z.enum(['computer-id', 'host-name']),
        customerMismatch: z.literal(true).optional().describe("Only on computer-id matches: the asset is under another customer than the company's."),
      }),
    )
    .optional()
    .describe('Unlinked computers only: assets that may be this computer.'),
}) satisfies z.ZodType<ComputerView>;

export const computerPageAnswer = pagedAnswer(computer) satisfies z.ZodType<ComputerPage>;

export const computerChangeAnswer = z.strictObject({
  dryRun: z.boolean(),
  computer,
  haloWrite: z
    .strictObject({ assetId: z.int(), customfields: z.array(z.strictObject({ id: z.int(), value: z.string() })) })
    .nullable()
    .describe('What was (or would be) written to HaloPSA.'),
}) satisfies z.ZodType<ComputerChange>;

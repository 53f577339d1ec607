import { z } from 'zod';
import { ActionReport, PermissionReport } from './permission-report';

const actionReport = z.strictObject({
  allowed: z.boolean(),
  requirements: z.array(
    z.strictObject({
      layer: z.enum(['application', 'agent', 'console']),
      requirement: z.string(),
      holds: z.boolean().nullable().describe('null: not checked, an earlier requirement failed first.'),
      fix: z.string().optional().describe('What to change, and where; only when it does not hold.'),
    }),
  ),
}) satisfies z.ZodType<ActionReport>;

/** The answer of POST /api/v1/halopsa/permissions/check, also kept in the status. */
export const permissionReportAnswer = z.strictObject({
  checkedAt: z.iso.datetime(),
  authenticationError: z.string().optional().describe('Why nothing past authentication could be checked.'),
  haloAgent: z.string().optional().describe('The HaloPSA agent the application logs in as.'),
  actions: z.strictObject({ create: actionReport, manage: actionReport, delete: actionReport }),
}) satisfies z.ZodType<PermissionReport>;

import { z } from 'zod';
import { pagedAnswer } from '../../http/openapi/paged-answer';

const integrationSummary = z
  .strictObject({
    id: z.string(),
    state: z.string().describe('connecting, connected, failed, removing… (as GET /api/v1/halopsa answers).'),
    haloUrl: z.string(),
    connectedAt: z.date().nullable(),
    lastError: z.string().nullable(),
  })
  .describe("The tenant's HaloPSA integration.");

/** The answer of GET /api/v1/tenants: tenants, oldest first, each with its integration or null until HaloPSA is connected. */
export const tenantPageAnswer = pagedAnswer(
  z.strictObject({
    id: z.string(),
    name: z.string(),
    consoleUrl: z.string(),
    consoleWebUrl: z.string(),
    createdAt: z.date(),
    integration: integrationSummary.nullable(),
  }),
);

export type TenantIntegrationSummary = z.infer<typeof integrationSummary>;
export type TenantPage = z.infer<typeof tenantPageAnswer>;

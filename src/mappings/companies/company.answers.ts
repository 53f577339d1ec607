import { z } from 'zod';
import { AutoMapResult, UnmapResult } from './companies.service';
import { CompanyMappingView, CompanyView, MappedCompanyView } from './company-views';

const companyMapping = z.strictObject({
  customerId: z.int(),
  customerName: z.string(),
  siteId: z.int(),
  siteName: z.string(),
  autoExport: z.boolean().nullable().describe("The company's own auto-export choice; null follows the integration's."),
}) satisfies z.ZodType<CompanyMappingView>;

const companyFields = {
  companyId: z.string(),
  companyName: z.string(),
  mapping: companyMapping.nullable(),
  suggestion: z
    .strictObject({
      kind: z.enum(['exact', 'ambiguous', 'none']),
      customers: z.array(
        z.strictObject({
          id: z.int(),
          name: z.string(),
          mainSite: z.strictObject({ id: z.int(), name: z.string().nullable() }).nullable(),
          sites: z.string().describe('Where its sites are listed (GET).'),
        }),
      ),
      lookUp: z.string().describe('Where to look for the right customer (GET).'),
    })
    .nullable()
    .describe('For unmapped companies: customers whose name matches.'),
};

export const companyListAnswer = z.array(z.strictObject(companyFields)) satisfies z.ZodType<CompanyView[]>;

export const mappedCompanyAnswer = z.strictObject({
  ...companyFields,
  export: z.string().describe("When the company's computers will be exported."),
}) satisfies z.ZodType<MappedCompanyView>;

export const autoMapAnswer = z.strictObject({
  dryRun: z.boolean(),
  applied: z.array(z.strictObject({ companyId: z.string(), companyName: z.string(), mapping: companyMapping })),
  skipped: z.array(z.strictObject({ companyId: z.string(), companyName: z.string(), reason: z.enum(['already-mapped', 'ambiguous', 'no-match']) })),
  export: z.string().describe('What the applied mappings will export, and when.'),
}) satisfies z.ZodType<AutoMapResult>;

export const unmapAnswer = z.strictObject({
  dryRun: z.boolean(),
  companyId: z.string(),
  removedMapping: companyMapping,
  unlinkedComputers: z.int().describe('Computers of the company that were linked; their HaloPSA assets are left as they are.'),
}) satisfies z.ZodType<UnmapResult>;

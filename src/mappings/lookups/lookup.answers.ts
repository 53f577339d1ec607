import { z } from 'zod';
import { pagedAnswer } from '../../http/openapi/paged-answer';
import { AssetTypeLookup, CustomerLookup, LookupPage, NamedRecord } from './halo-lookups.service';

const namedRecord = { id: z.int(), name: z.string() };
const nullableNamed = z.strictObject({ id: z.int(), name: z.string().nullable() }).nullable();

export const customerLookupAnswer = pagedAnswer(
  z.strictObject({ ...namedRecord, mainSite: nullableNamed, sites: z.string().describe("Where this customer's sites are listed.") }),
) satisfies z.ZodType<LookupPage<CustomerLookup>>;

export const siteLookupAnswer = pagedAnswer(z.strictObject({ ...namedRecord, main: z.boolean() })) satisfies z.ZodType<LookupPage<NamedRecord & { main: boolean }>>;

export const assetTypeLookupAnswer = pagedAnswer(z.strictObject({ ...namedRecord, assetGroup: nullableNamed })) satisfies z.ZodType<LookupPage<AssetTypeLookup>>;

export const assetGroupLookupAnswer = pagedAnswer(z.strictObject(namedRecord)) satisfies z.ZodType<LookupPage<NamedRecord>>;

import { z } from 'zod';
import { AssetTypeLookup, CustomerLookup, LookupPage, NamedRecord } from './halo-lookups.service';

function lookupPage<T extends z.ZodType>(item: T) {
  return z.strictObject({ total: z.int(), page: z.int(), pageSize: z.int(), items: z.array(item) });
}

const namedRecord = { id: z.int(), name: z.string() };
const nullableNamed = z.strictObject({ id: z.int(), name: z.string().nullable() }).nullable();

export const customerLookupAnswer = lookupPage(
  z.strictObject({ ...namedRecord, mainSite: nullableNamed, sites: z.string().describe("Where this customer's sites are listed.") }),
) satisfies z.ZodType<LookupPage<CustomerLookup>>;

export const siteLookupAnswer = lookupPage(z.strictObject({ ...namedRecord, main: z.boolean() })) satisfies z.ZodType<LookupPage<NamedRecord & { main: boolean }>>;

export const assetTypeLookupAnswer = lookupPage(z.strictObject({ ...namedRecord, assetGroup: nullableNamed })) satisfies z.ZodType<LookupPage<AssetTypeLookup>>;

export const assetGroupLookupAnswer = lookupPage(z.strictObject(namedRecord)) satisfies z.ZodType<LookupPage<NamedRecord>>;

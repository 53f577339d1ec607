import { z } from 'zod';
import { AssetTypeMappingView } from './asset-type.dto';

export const assetTypeMappingAnswer = z.strictObject({
  licenseType: z.string(),
  activatedLicenses: z.int(),
  mapping: z.strictObject({ assetTypeId: z.int(), assetTypeName: z.string() }).nullable(),
}) satisfies z.ZodType<AssetTypeMappingView>;

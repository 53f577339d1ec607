import { HaloAssetType } from '../halo/halo-entities';
import { isEligible } from '../inventory/eligibility';
import { InventoryComputer } from '../inventory/inventory-types';
import { managedCustomFields } from '../mappings/asset-record';
import { CompanyMappingEntity } from '../persistence/entities/company-mapping.entity';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { DesiredAsset, ObservedComputer } from './plan/sync-plan-types';

export interface ObserveContext {
  integration: IntegrationEntity;
  mappings: readonly CompanyMappingEntity[];
  /** License type → default Halo asset type id. */
  defaultTypes: ReadonlyMap<string, number>;
  assetTypes: readonly HaloAssetType[];
}

/** Pure: the Console's computers as the planner sees them, each with the asset it should have. */
export function observe(computers: readonly InventoryComputer[], context: ObserveContext): ObservedComputer[] {
  const mappingByCompany = new Map(context.mappings.map((m) => [m.consoleCompanyId, m]));
  const keyFieldOf = new Map(context.assetTypes.map((t) => [t.id, t.keyfield_id ?? null]));
  return computers.map((computer): ObservedComputer => {
    if (!isEligible(computer)) return { hid: computer.hid, desired: null, notTakingPart: 'no-agent' };
    const companyId = computer.companyId;
    const mapping = companyId ? mappingByCompany.get(companyId) : undefined;
    if (!companyId || !mapping) return { hid: computer.hid, desired: null, notTakingPart: 'company-unmapped' };
    const assetTypeId = (computer.licenseType ? context.defaultTypes.get(computer.licenseType) : undefined) ?? null;
    const desired: DesiredAsset = {
      hid: computer.hid,
      companyId,
      customerId: mapping.haloClientId,
      siteId: mapping.haloSiteId,
      assetTypeId,
      keyFieldId: assetTypeId === null ? null : (keyFieldOf.get(assetTypeId) ?? null),
      hostName: computer.hostName,
      customFields: Object.fromEntries(managedCustomFields(context.integration, computer).map((f) => [f.id, f.value])),
      ...(mapping.autoExport === null || mapping.autoExport === undefined ? {} : { autoExport: mapping.autoExport }),
    };
    return { hid: computer.hid, desired };
  });
}

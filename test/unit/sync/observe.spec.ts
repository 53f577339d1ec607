import type { ConsoleCompany, ConsoleComputer } from '../../../src/console/console-types';
import type { HaloAssetType } from '../../../src/halo/halo-entities';
import { buildInventory } from '../../../src/inventory/build-inventory';
import type { CompanyMappingEntity } from '../../../src/persistence/entities/company-mapping.entity';
import type { IntegrationEntity } from '../../../src/persistence/entities/integration.entity';
import { observe, ObserveContext } from '../../../src/sync/observe';

const USER = 'a1b2c3d4-0000-4000-8000-000000000001';
const HID = '7f1c2a9e-0b3d-4c55-8e21-9a6b4f0d1e22';
const acme: ConsoleCompany = { Id: 'co-acme', Name: 'Acme Dental' };

function computer(fields: Partial<ConsoleComputer> = {}): ConsoleComputer {
  return {
    ComputerHID: HID,
    ComputerName: 'ACME-WS-014',
    OSTypeString: 'windows',
    CompanyName: 'Acme Dental',
    UserID: USER,
    HasBackupApp: true,
    Apps: [],
    ...fields,
  } as ConsoleComputer;
}

const integration = { computerIdFieldId: 301, inventoryFieldIds: { os: 302 } } as unknown as IntegrationEntity;
const acmeMapping = { consoleCompanyId: 'co-acme', haloClientId: 12, haloSiteId: 5012 } as CompanyMappingEntity;
const assetTypes = [{ id: 101, name: 'Workstation', keyfield_id: 7 }] as HaloAssetType[];

function context(fields: Partial<ObserveContext> = {}): ObserveContext {
  return { integration, mappings: [acmeMapping], defaultTypes: new Map([['Desktop', 101]]), assetTypes, ...fields };
}

function observeOne(fields: Partial<ConsoleComputer>, companies: ConsoleCompany[] = [acme], observeContext = context()) {
  const inventory = buildInventory({
    companies,
    computers: [computer(fields)],
    licenses: [{ ID: 'lic-1', ComputerName: 'ACME-WS-014', IsTrial: false, IsTaken: true, LicenseType: 'Desktop', UserID: USER }],
    monitoring: [],
  });
  const [observed] = observe(inventory.computers, observeContext);
  return observed;
}

describe('observe', () => {
  it('gives a computer of a mapped company the asset it should have: customer, site, type, key field, our custom fields', () => {
    expect(observeOne({})).toEqual({
      hid: HID,
      desired: {
        hid: HID,
        companyId: 'co-acme',
        customerId: 12,
        siteId: 5012,
        assetTypeId: 101,
        keyFieldId: 7,
        hostName: 'ACME-WS-014',
        customFields: { 301: HID, 302: 'Windows' },
      },
    });
  });

  it("carries the company's own auto-export choice, and nothing when it follows the integration's", () => {
    expect(observeOne({}).desired).not.toHaveProperty('autoExport');
    for (const autoExport of [true, false]) {
      expect(observeOne({}, [acme], context({ mappings: [{ ...acmeMapping, autoExport } as CompanyMappingEntity] })).desired).toMatchObject({ autoExport });
    }
  });

  it('leaves the asset type (and its key field) empty when the licence type has no default', () => {
    const observed = observeOne({}, [acme], context({ defaultTypes: new Map() }));
    expect(observed.desired).toMatchObject({ assetTypeId: null, keyFieldId: null });
  });

  it('a computer without a Backup or RMM agent does not take part', () => {
    expect(observeOne({ HasBackupApp: false, Apps: [] })).toEqual({ hid: HID, desired: null, notTakingPart: 'no-agent' });
  });

  it('a computer of a company that is not mapped, or that does not exist, does not take part', () => {
    expect(observeOne({}, [acme], context({ mappings: [] }))).toEqual({ hid: HID, desired: null, notTakingPart: 'company-unmapped' });
    expect(observeOne({ CompanyName: 'Nobody Ltd' })).toEqual({ hid: HID, desired: null, notTakingPart: 'company-unmapped' });
  });

  it('a company name that two companies share after normalising is reported, never guessed', () => {
    const twin: ConsoleCompany = { Id: 'co-twin', Name: 'ACME  dental' };
    const twinMapping = { consoleCompanyId: 'co-twin', haloClientId: 99, haloSiteId: 5099 } as CompanyMappingEntity;
    for (const companies of [
      [acme, twin],
      [twin, acme],
    ]) {
      expect(observeOne({}, companies, context({ mappings: [acmeMapping, twinMapping] }))).toEqual({ hid: HID, desired: null, notTakingPart: 'company-unmapped' });
    }
  });
});

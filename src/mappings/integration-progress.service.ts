import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { isEligible } from '../inventory/eligibility';
import { readConsoleInventory } from '../inventory/console-inventory-reader';
import { CompanyMappingEntity } from '../persistence/entities/company-mapping.entity';
import { Principal } from '../access/principal';
import { IntegrationContextService } from './integration-context.service';
import { AssetTypesService } from './asset-types/asset-types.service';
import { ComputerCatalogue, stateOf } from './computers/computer-catalogue';

export interface MappingProgress {
  /** Companies with at least one computer that has an agent: how many are mapped. */
  companies: { mapped: number; total: number };
  /** Computers of mapped companies, by state. */
  computers: { linked: number; excluded: number; unlinked: number };
  /** License types with activated licenses: how many have a default asset type. */
  assetTypes: { mapped: number; inUse: number };
}

/** Counts behind the status steps, read from the Console and the saved mappings. */
@Injectable()
export class IntegrationProgressService {
  constructor(
    private readonly contexts: IntegrationContextService,
    private readonly catalogue: ComputerCatalogue,
    private readonly assetTypes: AssetTypesService,
    @InjectRepository(CompanyMappingEntity) private readonly mappings: Repository<CompanyMappingEntity>,
  ) {}

  async progress(principal: Principal): Promise<MappingProgress> {
    const context = await this.contexts.forPrincipal(principal);
    const licenses = context.console.listLicenses();
    const [inventory, mappings, licenseTypes] = await Promise.all([
      readConsoleInventory(context.console, licenses),
      this.mappings.findBy({ integrationId: context.integration.id }),
      this.assetTypes.list(context, licenses),
    ]);
    const entries = await this.catalogue.entriesOf(context, inventory, mappings);
    const withComputers = new Set(inventory.computers.filter((c) => isEligible(c) && context.canSee(c.companyName)).map((c) => c.companyId));
    const companies = inventory.companies.filter((c) => withComputers.has(c.id));
    const mapped = new Set(mappings.map((m) => m.consoleCompanyId));
    const inUse = licenseTypes.filter((t) => t.activatedLicenses > 0);
    return {
      companies: { mapped: companies.filter((c) => mapped.has(c.id)).length, total: companies.length },
      computers: {
        linked: entries.filter((e) => stateOf(e) === 'linked').length,
        excluded: entries.filter((e) => stateOf(e) === 'excluded').length,
        unlinked: entries.filter((e) => stateOf(e) === 'unlinked').length,
      },
      assetTypes: { mapped: inUse.filter((t) => t.mapping).length, inUse: inUse.length },
    };
  }
}

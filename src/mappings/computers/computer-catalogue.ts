import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { isEligible } from '../../inventory/eligibility';
import { Inventory, InventoryComputer } from '../../inventory/inventory-types';
import { readConsoleInventory } from '../../inventory/console-inventory-reader';
import { CompanyMappingEntity } from '../../persistence/entities/company-mapping.entity';
import { ComputerLinkEntity } from '../../persistence/entities/computer-link.entity';
import { IntegrationContext } from '../integration-context.service';
import { normaliseComputerId } from '../../console/computer-id';

/** A computer that takes part in the integration: it has an agent and its company is mapped (and visible). */
export interface CatalogueEntry {
  computer: InventoryComputer;
  companyId: string;
  mapping: CompanyMappingEntity;
  link: ComputerLinkEntity | undefined;
}

export type ComputerState = 'linked' | 'unlinked' | 'excluded';

export function stateOf(entry: Pick<CatalogueEntry, 'link'>): ComputerState {
  if (entry.link?.state === 'excluded') return 'excluded';
  if (entry.link?.state === 'linked') return 'linked';
  return 'unlinked';
}

/** Joins the Console's inventory with the saved company mappings and computer links. */
@Injectable()
export class ComputerCatalogue {
  constructor(
    @InjectRepository(CompanyMappingEntity) private readonly mappings: Repository<CompanyMappingEntity>,
    @InjectRepository(ComputerLinkEntity) private readonly links: Repository<ComputerLinkEntity>,
  ) {}

  async entries(context: IntegrationContext): Promise<CatalogueEntry[]> {
    return this.entriesOf(context, await readConsoleInventory(context.console));
  }

  /** The same join over an inventory already read (and the company mappings, when the caller has them). */
  async entriesOf(context: IntegrationContext, inventory: Inventory, companyMappings?: readonly CompanyMappingEntity[]): Promise<CatalogueEntry[]> {
    const integrationId = context.integration.id;
    const [mappings, links] = await Promise.all([companyMappings ?? this.mappings.findBy({ integrationId }), this.links.findBy({ integrationId })]);
    const mappingByCompany = new Map(mappings.map((m) => [m.consoleCompanyId, m]));
    const linkByHid = new Map(links.map((l) => [l.computerHid, l]));
    const entries: CatalogueEntry[] = [];
    for (const computer of inventory.computers) {
      if (!isEligible(computer) || !context.canSee(computer.companyName)) continue;
      const companyId = computer.companyId;
      const mapping = companyId ? mappingByCompany.get(companyId) : undefined;
      if (!companyId || !mapping) continue;
      entries.push({ computer, companyId, mapping, link: linkByHid.get(computer.hid) });
    }
    return entries.sort((a, b) => a.computer.hostName.localeCompare(b.computer.hostName) || a.computer.hid.localeCompare(b.computer.hid));
  }

  async entry(context: IntegrationContext, hid: string): Promise<CatalogueEntry | undefined> {
    const wanted = normaliseComputerId(hid);
    return (await this.entries(context)).find((e) => e.computer.hid === wanted);
  }
}

import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { HaloAsset } from '../../halo/halo-entities';
import { HaloError } from '../../halo/halo-errors';
import { AssetSuggestion, suggestAssets } from '../../matching/asset-matching';
import { normaliseName } from '../../matching/normalise-name';
import { ComputerLinkEntity } from '../../persistence/entities/computer-link.entity';
import { ComputerLinks } from '../../computer-links/computer-links';
import { keepOtherValues, managedCustomFields } from '../asset-record';
import { SyncScheduleService } from '../../sync/sync-schedule.service';
import { IntegrationContext } from '../integration-context.service';
import { CatalogueEntry, ComputerCatalogue, ComputerState, stateOf } from './computer-catalogue';

export interface ComputerView {
  hid: string;
  hostName: string;
  companyId: string;
  companyName: string;
  os: string;
  licenseType: string | null;
  hasBackupAgent: boolean;
  hasRmmAgent: boolean;
  state: ComputerState;
  haloAssetId: number | null;
  suggestions?: AssetSuggestion[];
}

export interface ComputerPage {
  total: number;
  page: number;
  pageSize: number;
  items: ComputerView[];
}

export interface ComputerChange {
  dryRun: boolean;
  computer: ComputerView;
  /** What was (or would be) written to HaloPSA. */
  haloWrite: { assetId: number; customfields: { id: number; value: string }[] } | null;
}

function view(entry: CatalogueEntry, suggestions?: AssetSuggestion[]): ComputerView {
  const c = entry.computer;
  return {
    hid: c.hid,
    hostName: c.hostName,
    companyId: entry.companyId,
    companyName: c.companyName,
    os: c.os,
    licenseType: c.licenseType ?? null,
    hasBackupAgent: c.hasBackupAgent,
    hasRmmAgent: c.hasRmmAgent,
    state: stateOf(entry),
    haloAssetId: entry.link?.state === 'linked' ? entry.link.haloAssetId : null,
    ...(suggestions ? { suggestions } : {}),
  };
}

@Injectable()
export class ComputersService {
  constructor(
    private readonly catalogue: ComputerCatalogue,
    @InjectRepository(ComputerLinkEntity) private readonly links: Repository<ComputerLinkEntity>,
    private readonly schedules: SyncScheduleService,
  ) {}

  async list(context: IntegrationContext, query: { state?: ComputerState; companyId?: string; search?: string; page: number; pageSize: number }): Promise<ComputerPage> {
    const needle = query.search ? normaliseName(query.search) : undefined;
    const matching = (await this.catalogue.entries(context)).filter(
      (e) =>
        (!query.state || stateOf(e) === query.state) &&
        (!query.companyId || e.companyId.toLowerCase() === query.companyId.toLowerCase()) &&
        (!needle || normaliseName(e.computer.hostName).includes(needle)),
    );
    const pageEntries = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
    const assets = await this.assetsForSuggestions(context, pageEntries.filter((e) => stateOf(e) === 'unlinked'));
    return {
      total: matching.length,
      page: query.page,
      pageSize: query.pageSize,
      items: pageEntries.map((e) =>
        stateOf(e) === 'unlinked' ? view(e, suggestAssets(e.computer, assets.get(e.mapping.haloClientId) ?? [], e.mapping.haloClientId)) : view(e),
      ),
    };
  }

  /** Links to an existing asset of the company's customer (writing the computer id into it), or excludes. */
  async change(context: IntegrationContext, hid: string, action: { action: 'link' | 'exclude'; assetId?: number }, dryRun: boolean): Promise<ComputerChange> {
    const entry = await this.required(context, hid);
    if (action.action === 'exclude') {
      if (!dryRun) await this.saveLink(context, entry.computer.hid, { state: 'excluded', haloAssetId: null });
      return { dryRun, computer: { ...view(entry), state: 'excluded', haloAssetId: null }, haloWrite: null };
    }
    const assetId = action.assetId as number;
    const asset = await context.halo.getAsset(assetId).catch((error: unknown) => {
      if (error instanceof HaloError && error.kind === 'not_found') throw new BadRequestException(`assetId: HaloPSA has no asset ${assetId}.`);
      throw error;
    });
    if (asset.client_id !== entry.mapping.haloClientId) {
      throw new BadRequestException(`assetId: asset ${assetId} belongs to ${asset.client_name ?? `customer ${asset.client_id}`}, not to ${entry.mapping.haloClientName}, the customer ${entry.computer.companyName} is mapped to.`);
    }
    const other = await this.linksOf(context).findLinkedTo(assetId);
    if (other && other.computerHid !== entry.computer.hid) throw new ConflictException(`Asset ${assetId} is already linked to computer ${other.computerHid}.`);
    const customfields = keepOtherValues(asset.customfields, managedCustomFields(context.integration, entry.computer));
    if (!dryRun) {
      await context.halo.saveAssets([{ id: assetId, site_id: asset.site_id, assettype_id: asset.assettype_id, customfields }]);
      await this.saveLink(context, entry.computer.hid, { state: 'linked', haloAssetId: assetId });
    }
    return { dryRun, computer: { ...view(entry), state: 'linked', haloAssetId: assetId }, haloWrite: { assetId, customfields } };
  }

  /** Forgets the link; the Halo asset stays as it is. */
  async unlink(context: IntegrationContext, hid: string, dryRun: boolean): Promise<ComputerChange> {
    const entry = await this.required(context, hid);
    if (!entry.link) throw new NotFoundException(`Computer ${entry.computer.hostName} is neither linked nor excluded.`);
    if (!dryRun) {
      await this.linksOf(context).forget([entry.computer.hid]);
      await this.schedules.reconcile(context.integration);
    }
    return { dryRun, computer: { ...view(entry), state: 'unlinked', haloAssetId: null }, haloWrite: null };
  }

  private async required(context: IntegrationContext, hid: string): Promise<CatalogueEntry> {
    const entry = await this.catalogue.entry(context, hid);
    if (!entry) throw new NotFoundException(`No computer ${hid} with a Backup or RMM agent in a mapped company you may see.`);
    return entry;
  }

  private linksOf(context: IntegrationContext): ComputerLinks {
    return new ComputerLinks(this.links.manager, context.integration.id);
  }

  private async saveLink(context: IntegrationContext, hid: string, change: { state: 'linked' | 'excluded'; haloAssetId: number | null }): Promise<void> {
    await this.linksOf(context).setByHand(hid, change);
    await this.schedules.reconcile(context.integration);
  }

  /** Assets of the customers on this page, with the computer-id field, for suggestions. */
  private async assetsForSuggestions(context: IntegrationContext, entries: CatalogueEntry[]) {
    const fieldId = context.integration.computerIdFieldId;
    const byCustomer = new Map<number, ReturnType<typeof suggestionInput>[]>();
    for (const customerId of new Set(entries.map((e) => e.mapping.haloClientId))) {
      const assets = await context.halo.listAssets({ clientId: customerId });
      byCustomer.set(customerId, assets.map((a) => suggestionInput(context, a, fieldId)));
    }
    return byCustomer;
  }
}

function suggestionInput(context: IntegrationContext, asset: HaloAsset, fieldId: number | null) {
  return {
    id: asset.id,
    client_id: asset.client_id,
    key_field: asset.key_field,
    inventory_number: asset.inventory_number,
    computerIdValue: fieldId ? context.halo.customFieldValue(asset, fieldId) : undefined,
  };
}



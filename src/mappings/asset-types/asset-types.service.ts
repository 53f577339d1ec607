import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ConsoleLicense } from '../../console/console-types';
import { HaloAssetType } from '../../halo/halo-entities';
import { normaliseName } from '../../matching/normalise-name';
import { AssetTypeMappingEntity } from '../../persistence/entities/asset-type-mapping.entity';
import { IntegrationContext } from '../integration-context.service';
import { AssetTypeMappingView, MapAssetTypeDto } from './asset-type.dto';

/** License type ("Backup: all activated licenses" by type) → default HaloPSA asset type. Optional step. */
@Injectable()
export class AssetTypesService {
  constructor(@InjectRepository(AssetTypeMappingEntity) private readonly mappings: Repository<AssetTypeMappingEntity>) {}

  /** `licenses`: the Console's license list when the caller reads it for something else too. */
  async list(context: IntegrationContext, licenses: Promise<ConsoleLicense[]> = context.console.listLicenses()): Promise<AssetTypeMappingView[]> {
    const [licenseList, mappings] = await Promise.all([licenses, this.mappings.findBy({ integrationId: context.integration.id })]);
    const activated = new Map<string, number>();
    for (const license of licenseList) {
      if (!license.LicenseType) continue;
      activated.set(license.LicenseType, (activated.get(license.LicenseType) ?? 0) + (license.IsTaken ? 1 : 0));
    }
    const byType = new Map(mappings.map((m) => [m.licenseType, m]));
    return [...activated.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([licenseType, count]) => {
        const mapping = byType.get(licenseType);
        return { licenseType, activatedLicenses: count, mapping: mapping ? { assetTypeId: mapping.haloAssetTypeId, assetTypeName: mapping.haloAssetTypeName } : null };
      });
  }

  async map(context: IntegrationContext, licenseType: string, input: MapAssetTypeDto): Promise<AssetTypeMappingView> {
    if ((input.assetTypeId === undefined) === (input.createAssetType === undefined)) {
      throw new BadRequestException('Give either assetTypeId or createAssetType.');
    }
    const known = (await this.list(context)).find((view) => view.licenseType === licenseType);
    if (!known) throw new NotFoundException(`The Console has no license type "${licenseType}".`);
    const assetType = input.assetTypeId !== undefined ? await this.existing(context, input.assetTypeId) : await this.findOrCreate(context, input.createAssetType!);
    const existing = await this.mappings.findOneBy({ integrationId: context.integration.id, licenseType });
    await this.mappings.save(
      this.mappings.create({ ...existing, integrationId: context.integration.id, licenseType, haloAssetTypeId: assetType.id, haloAssetTypeName: assetType.name }),
    );
    return { ...known, mapping: { assetTypeId: assetType.id, assetTypeName: assetType.name } };
  }

  private async existing(context: IntegrationContext, id: number): Promise<HaloAssetType> {
    const found = (await context.halo.listAssetTypes()).find((type) => type.id === id);
    if (!found) throw new BadRequestException(`assetTypeId: HaloPSA has no asset type ${id}.`);
    return found;
  }

  private async findOrCreate(context: IntegrationContext, wanted: { name: string; assetGroupName: string }): Promise<HaloAssetType> {
    const types = await context.halo.listAssetTypes();
    const sameName = types.find((type) => normaliseName(type.name) === normaliseName(wanted.name));
    if (sameName) return sameName;
    const groups = await context.halo.listAssetGroups();
    const group = groups.find((g) => normaliseName(g.name) === normaliseName(wanted.assetGroupName)) ?? (await context.halo.createAssetGroup({ name: wanted.assetGroupName.trim() }));
    return context.halo.createAssetType({ name: wanted.name.trim(), assetgroup_id: group.id });
  }
}

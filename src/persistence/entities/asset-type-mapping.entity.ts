import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A Console license type ("Server", "Desktop"...) → the HaloPSA asset type its computers get by default. */
@Entity('asset_type_mappings')
@Unique(['integrationId', 'licenseType'])
export class AssetTypeMappingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'integration_id' })
  integrationId!: string;

  @Column('text', { name: 'license_type' })
  licenseType!: string;

  @Column('integer', { name: 'halo_asset_type_id' })
  haloAssetTypeId!: number;

  @Column('text', { name: 'halo_asset_type_name' })
  haloAssetTypeName!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

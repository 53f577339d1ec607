import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A Console company mapped to a HaloPSA customer and its default site. Never overwritten by auto-map. */
@Entity('company_mappings')
@Unique(['integrationId', 'consoleCompanyId'])
export class CompanyMappingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'integration_id' })
  integrationId!: string;

  @Column('text', { name: 'console_company_id' })
  consoleCompanyId!: string;

  /** Computers carry only their company's name: kept to join them, refreshed on renames. */
  @Column('text', { name: 'console_company_name' })
  consoleCompanyName!: string;

  @Column('integer', { name: 'halo_client_id' })
  haloClientId!: number;

  @Column('text', { name: 'halo_client_name' })
  haloClientName!: string;

  @Column('integer', { name: 'halo_site_id' })
  haloSiteId!: number;

  @Column('text', { name: 'halo_site_name' })
  haloSiteName!: string;

  /** This company's own choice: its unlinked computers are exported by the sync (true) or wait for an export (false); null follows the integration's autoExport. */
  @Column('boolean', { name: 'auto_export', nullable: true })
  autoExport!: boolean | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

export const EXPORT_OUTCOMES = ['pending', 'created', 'linked', 'skipped', 'failed'] as const;
export type ExportOutcome = (typeof EXPORT_OUTCOMES)[number];

/** What an export did for one computer, and why. */
@Entity('export_items')
export class ExportItemEntity {
  @PrimaryColumn('uuid', { name: 'export_run_id' })
  exportRunId!: string;

  @PrimaryColumn('text', { name: 'computer_hid' })
  computerHid!: string;

  @Column('text')
  outcome!: ExportOutcome;

  @Column('integer', { name: 'halo_asset_id', nullable: true })
  haloAssetId!: number | null;

  @Column('text', { nullable: true })
  reason!: string | null;

  /** The asset record the export will POST, fixed when the export was requested. */
  @Column('jsonb')
  planned!: PlannedAsset;
}

export interface PlannedAsset {
  companyId: string;
  customerId: number;
  siteId: number;
  assetTypeId: number;
  hostName: string;
  /** Halo asset-type field ids → values (the key field holds the host name). */
  fields: { id: number; value: string }[];
  /** Custom field ids → values, the computer id among them. */
  customfields: { id: number; value: string }[];
}

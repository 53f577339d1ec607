import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { WrittenAsset } from '../../sync/plan/sync-plan-types';

export const COMPUTER_LINK_STATES = ['claimed', 'linked', 'excluded', 'retired'] as const;
export type ComputerLinkState = (typeof COMPUTER_LINK_STATES)[number];

/**
 * One row per (integration, Console computer): the claim taken before any create (the unique
 * constraint is what stops two creates), then the Halo asset id the moment Halo returns it.
 * `claimed` with no asset id means a create may have happened: look the asset up by the
 * computer-id custom field before creating again.
 */
@Entity('computer_links')
@Unique(['integrationId', 'computerHid'])
export class ComputerLinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'integration_id' })
  integrationId!: string;

  @Column('text', { name: 'computer_hid' })
  computerHid!: string;

  @Column('text')
  state!: ComputerLinkState;

  @Column('integer', { name: 'halo_asset_id', nullable: true })
  haloAssetId!: number | null;

  /** Whether this service created the asset (rather than linking one a person made). */
  @Column('boolean', { name: 'created_by_service', default: false })
  createdByService!: boolean;

  /** What the service last wrote to the asset: a sync writes only when the Console differs from it. */
  @Column('jsonb', { name: 'last_written', nullable: true })
  lastWritten!: WrittenAsset | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PlanItem } from '../../sync/plan/sync-plan-types';

export type SyncItemOutcome = 'pending' | 'done' | 'failed' | 'left-alone';

/** What a sync did for one computer (create, update, move, retire, reactivate, unlink), or why not. */
@Entity('sync_run_items')
export class SyncRunItemEntity {
  @PrimaryColumn('uuid', { name: 'sync_run_id' })
  syncRunId!: string;

  @PrimaryColumn('text', { name: 'computer_hid' })
  computerHid!: string;

  /** The computer's host name and company when the run planned it (absent in runs recorded before they were kept). */
  @Column('text', { name: 'host_name', nullable: true })
  hostName!: string | null;

  @Column('text', { name: 'company_name', nullable: true })
  companyName!: string | null;

  @Column('text')
  action!: string;

  @Column('text')
  outcome!: SyncItemOutcome;

  @Column('integer', { name: 'halo_asset_id', nullable: true })
  haloAssetId!: number | null;

  @Column('jsonb', { default: [] })
  changes!: string[];

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('jsonb', { nullable: true })
  planned!: PlanItem | null;
}

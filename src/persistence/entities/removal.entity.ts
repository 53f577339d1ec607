import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ManualAction, RemovalStep } from '../../../workflows/removal-messages';

/**
 * A removal and what it did. Outlives the integration row (which removal deletes, with its
 * credentials and mappings), so the administrator can read what was done and what needs a human.
 */
@Entity('removals')
export class RemovalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'integration_id' })
  integrationId!: string;

  @Column('text')
  state!: 'removing' | 'removed';

  @Column('text', { name: 'workflow_id' })
  workflowId!: string;

  @Column('jsonb', { default: [] })
  steps!: RemovalStep[];

  @Column('jsonb', { name: 'manual_actions', default: [] })
  manualActions!: ManualAction[];

  @Column('integer', { name: 'assets_remaining', nullable: true })
  assetsRemaining!: number | null;

  @Column('timestamptz', { name: 'started_at', default: () => 'now()' })
  startedAt!: Date;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}

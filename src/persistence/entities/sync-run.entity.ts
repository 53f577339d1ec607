import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SyncTrigger = 'schedule' | 'manual' | 'event';
export type SyncScope = 'full' | 'computers';
export type SyncRunState = 'running' | 'completed' | 'failed' | 'skipped';

/** One synchronisation: what started it, when, and how many computers ended how. */
@Entity('sync_runs')
export class SyncRunEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'integration_id' })
  integrationId!: string;

  @Column('text')
  trigger!: SyncTrigger;

  @Column('text')
  scope!: SyncScope;

  @Column('text')
  state!: SyncRunState;

  @Column('boolean', { name: 'deep_check', default: false })
  deepCheck!: boolean;

  @Column('text', { name: 'workflow_id' })
  workflowId!: string;

  @Column('jsonb', { default: {} })
  counts!: Record<string, number>;

  @Column('text', { nullable: true })
  error!: string | null;

  @Column('timestamptz', { name: 'started_at', default: () => 'now()' })
  startedAt!: Date;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}

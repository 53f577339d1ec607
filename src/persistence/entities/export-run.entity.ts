import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const EXPORT_RUN_STATES = ['running', 'completed', 'failed'] as const;
export type ExportRunState = (typeof EXPORT_RUN_STATES)[number];

/** One export request; its per-computer outcomes are export_items. */
@Entity('export_runs')
export class ExportRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'integration_id' })
  integrationId!: string;

  @Column('text')
  state!: ExportRunState;

  @Column('integer', { name: 'requested_count' })
  requestedCount!: number;

  @Column('text', { name: 'workflow_id', nullable: true })
  workflowId!: string | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}

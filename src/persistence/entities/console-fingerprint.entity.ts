import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Fingerprints } from '../../sync/console-fingerprint';

/** What the change watcher last saw of an integration's Console: one fingerprint per computer. */
@Entity('console_fingerprints')
export class ConsoleFingerprintEntity {
  @PrimaryColumn('uuid', { name: 'integration_id' })
  integrationId!: string;

  @Column('jsonb')
  fingerprints!: Fingerprints;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

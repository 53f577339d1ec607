import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The share of one HaloPSA instance's rate limit that the product keeps to (absent: the default). */
@Entity('halo_instance_budgets')
export class HaloInstanceBudgetEntity {
  /** The instance's resource server URL, normalised (`haloInstanceOf`). */
  @PrimaryColumn('text')
  instance!: string;

  @Column('integer', { name: 'requests_per_window' })
  requestsPerWindow!: number;

  @Column('integer', { name: 'window_seconds' })
  windowSeconds!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

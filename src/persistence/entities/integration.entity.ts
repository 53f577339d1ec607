import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const INTEGRATION_STATES = ['connecting', 'connected', 'failed'] as const;
export type IntegrationState = (typeof INTEGRATION_STATES)[number];

/** A tenant's HaloPSA connection and what setup created there. The client secret is sealed. */
@Entity('integrations')
export class IntegrationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'tenant_id', unique: true })
  tenantId!: string;

  @Column('text', { name: 'halo_resource_url' })
  haloResourceUrl!: string;

  @Column('text', { name: 'halo_auth_url' })
  haloAuthUrl!: string;

  @Column('text', { name: 'halo_tenant', nullable: true })
  haloTenant!: string | null;

  @Column('text', { name: 'halo_client_id' })
  haloClientId!: string;

  @Column('text', { name: 'halo_client_secret_sealed' })
  haloClientSecretSealed!: string;

  @Column('text')
  state!: IntegrationState;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  @Column('jsonb', { name: 'permission_report', nullable: true })
  permissionReport!: unknown;

  @Column('integer', { name: 'computer_id_field_id', nullable: true })
  computerIdFieldId!: number | null;

  /** Custom fields carrying Console data, by inventory field key (os, agents, online...). */
  @Column('jsonb', { name: 'inventory_field_ids', nullable: true })
  inventoryFieldIds!: Record<string, number> | null;

  @Column('integer', { name: 'connect_button_id', nullable: true })
  connectButtonId!: number | null;

  /** Opaque token in the "Connect to computer" URL that identifies this integration. */
  @Column('text', { name: 'connect_token', unique: true })
  connectToken!: string;

  @Column('text', { name: 'setup_workflow_id', nullable: true })
  setupWorkflowId!: string | null;

  @Column('text', { name: 'setup_run_id', nullable: true })
  setupRunId!: string | null;

  @Column('timestamptz', { name: 'connected_at', nullable: true })
  connectedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

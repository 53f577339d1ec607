import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Hours (HH:MM, 24 h) in a time zone during which scheduled syncs do not run; may span midnight. */
export interface QuietWindow {
  start: string;
  end: string;
  timeZone: string;
}

export const INTEGRATION_STATES = ['connecting', 'connected', 'failed', 'removing'] as const;
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

  @Column('integer', { name: 'sync_interval_minutes', default: 15 })
  syncIntervalMinutes!: number;

  @Column('jsonb', { name: 'sync_quiet_window', nullable: true })
  syncQuietWindow!: QuietWindow | null;

  /** New computers in mapped companies become assets by themselves. */
  @Column('boolean', { name: 'auto_export', default: true })
  autoExport!: boolean;

  /** How often a sync also reads HaloPSA's assets to catch edits and deletions made by people. */
  @Column('integer', { name: 'deep_check_hours', default: 24 })
  deepCheckHours!: number;

  /** A linked asset deleted in HaloPSA: create it again, or report it. */
  @Column('text', { name: 'deleted_asset_policy', default: 'report' })
  deletedAssetPolicy!: 'report' | 'recreate';

  @Column('boolean', { name: 'sync_paused', default: false })
  syncPaused!: boolean;

  /** Seconds between the change watcher's reads of the Console. */
  @Column('integer', { name: 'watch_interval_seconds', default: 60 })
  watchIntervalSeconds!: number;

  /** Whether signed events posted to /api/v1/console-events are taken (they only speed polling up). */
  @Column('boolean', { name: 'push_events', default: false })
  pushEvents!: boolean;

  @Column('timestamptz', { name: 'last_deep_check_at', nullable: true })
  lastDeepCheckAt!: Date | null;

  @Column('uuid', { name: 'last_sync_run_id', nullable: true })
  lastSyncRunId!: string | null;

  @Column('timestamptz', { name: 'connected_at', nullable: true })
  connectedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

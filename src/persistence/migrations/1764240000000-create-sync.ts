import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSync1764240000000 implements MigrationInterface {
  name = 'CreateSync1764240000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE computer_links DROP CONSTRAINT computer_links_state_check');
    await db.query(`ALTER TABLE computer_links ADD CONSTRAINT computer_links_state_check CHECK (state IN ('claimed', 'linked', 'excluded', 'retired'))`);
    await db.query('ALTER TABLE computer_links ADD COLUMN last_written jsonb');
    await db.query(`
      ALTER TABLE integrations
        ADD COLUMN sync_interval_minutes integer NOT NULL DEFAULT 15 CHECK (sync_interval_minutes BETWEEN 5 AND 1440),
        ADD COLUMN sync_quiet_window jsonb,
        ADD COLUMN auto_export boolean NOT NULL DEFAULT true,
        ADD COLUMN deep_check_hours integer NOT NULL DEFAULT 24 CHECK (deep_check_hours BETWEEN 1 AND 720),
        ADD COLUMN deleted_asset_policy text NOT NULL DEFAULT 'report' CHECK (deleted_asset_policy IN ('report', 'recreate')),
        ADD COLUMN sync_paused boolean NOT NULL DEFAULT false,
        ADD COLUMN last_deep_check_at timestamptz,
        ADD COLUMN last_sync_run_id uuid`);
    await db.query(`
      ALTER TABLE tenants
        ADD COLUMN event_account_id text UNIQUE,
        ADD COLUMN event_secret_sealed text`);
    await db.query(`
      CREATE TABLE sync_runs (
        id uuid PRIMARY KEY,
        integration_id uuid NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
        trigger text NOT NULL CHECK (trigger IN ('schedule', 'manual', 'event')),
        scope text NOT NULL CHECK (scope IN ('full', 'computers')),
        state text NOT NULL CHECK (state IN ('running', 'completed', 'failed', 'skipped')),
        deep_check boolean NOT NULL DEFAULT false,
        workflow_id text NOT NULL,
        counts jsonb NOT NULL DEFAULT '{}',
        error text,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await db.query('CREATE INDEX sync_runs_integration_started_idx ON sync_runs (integration_id, started_at DESC)');
    await db.query(`
      CREATE TABLE sync_run_items (
        sync_run_id uuid NOT NULL REFERENCES sync_runs(id) ON DELETE CASCADE,
        computer_hid text NOT NULL,
        action text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('pending', 'done', 'failed', 'left-alone')),
        halo_asset_id integer,
        changes jsonb NOT NULL DEFAULT '[]',
        reason text,
        planned jsonb,
        PRIMARY KEY (sync_run_id, computer_hid)
      )`);
    await db.query(`CREATE INDEX sync_run_items_pending_idx ON sync_run_items (sync_run_id) WHERE outcome = 'pending'`);
    await db.query(`
      CREATE TABLE console_events (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        event_id text NOT NULL,
        event_type text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, event_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE console_events');
    await db.query('DROP TABLE sync_run_items');
    await db.query('DROP TABLE sync_runs');
    await db.query('ALTER TABLE tenants DROP COLUMN event_account_id, DROP COLUMN event_secret_sealed');
    await db.query(`ALTER TABLE integrations DROP COLUMN sync_interval_minutes, DROP COLUMN sync_quiet_window, DROP COLUMN auto_export,
      DROP COLUMN deep_check_hours, DROP COLUMN deleted_asset_policy, DROP COLUMN sync_paused, DROP COLUMN last_deep_check_at, DROP COLUMN last_sync_run_id`);
    await db.query('ALTER TABLE computer_links DROP COLUMN last_written');
    await db.query('ALTER TABLE computer_links DROP CONSTRAINT computer_links_state_check');
    await db.query(`ALTER TABLE computer_links ADD CONSTRAINT computer_links_state_check CHECK (state IN ('claimed', 'linked', 'excluded'))`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMappings1764230000000 implements MigrationInterface {
  name = 'CreateMappings1764230000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE integrations ADD COLUMN inventory_field_ids jsonb');
    await db.query(`
      CREATE TABLE company_mappings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        integration_id uuid NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
        console_company_id text NOT NULL,
        console_company_name text NOT NULL,
        halo_client_id integer NOT NULL,
        halo_client_name text NOT NULL,
        halo_site_id integer NOT NULL,
        halo_site_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (integration_id, console_company_id)
      )`);
    await db.query(`
      CREATE TABLE asset_type_mappings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        integration_id uuid NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
        license_type text NOT NULL,
        halo_asset_type_id integer NOT NULL,
        halo_asset_type_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (integration_id, license_type)
      )`);
    await db.query(`
      CREATE TABLE computer_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        integration_id uuid NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
        computer_hid text NOT NULL,
        state text NOT NULL CHECK (state IN ('claimed', 'linked', 'excluded')),
        halo_asset_id integer,
        created_by_service boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (integration_id, computer_hid),
        CHECK (state <> 'linked' OR halo_asset_id IS NOT NULL)
      )`);
    await db.query('CREATE INDEX computer_links_asset_idx ON computer_links (integration_id, halo_asset_id)');
    await db.query(`
      CREATE TABLE export_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        integration_id uuid NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
        state text NOT NULL CHECK (state IN ('running', 'completed', 'failed')),
        requested_count integer NOT NULL,
        workflow_id text,
        last_error text,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await db.query(`
      CREATE TABLE export_items (
        export_run_id uuid NOT NULL REFERENCES export_runs(id) ON DELETE CASCADE,
        computer_hid text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('pending', 'created', 'linked', 'skipped', 'failed')),
        halo_asset_id integer,
        reason text,
        planned jsonb NOT NULL,
        PRIMARY KEY (export_run_id, computer_hid)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['export_items', 'export_runs', 'computer_links', 'asset_type_mappings', 'company_mappings']) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query('ALTER TABLE integrations DROP COLUMN inventory_field_ids');
  }
}

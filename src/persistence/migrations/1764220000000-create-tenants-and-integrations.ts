import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTenantsAndIntegrations1764220000000 implements MigrationInterface {
  name = 'CreateTenantsAndIntegrations1764220000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE tenants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        console_url text NOT NULL,
        console_login_sealed text NOT NULL,
        console_password_sealed text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        console_administrator_id text NOT NULL,
        prefix text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        label text,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await db.query('CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id)');
    await db.query(`
      CREATE TABLE integrations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL UNIQUE REFERENCES tenants(id) ON DELETE CASCADE,
        halo_resource_url text NOT NULL,
        halo_auth_url text NOT NULL,
        halo_tenant text,
        halo_client_id text NOT NULL,
        halo_client_secret_sealed text NOT NULL,
        state text NOT NULL CHECK (state IN ('connecting', 'connected', 'failed')),
        last_error text,
        permission_report jsonb,
        computer_id_field_id integer,
        connect_button_id integer,
        connect_token text NOT NULL UNIQUE,
        setup_workflow_id text,
        setup_run_id text,
        connected_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE integrations');
    await db.query('DROP TABLE api_keys');
    await db.query('DROP TABLE tenants');
  }
}

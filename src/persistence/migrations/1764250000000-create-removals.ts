import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRemovals1764250000000 implements MigrationInterface {
  name = 'CreateRemovals1764250000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE integrations DROP CONSTRAINT integrations_state_check');
    await db.query(`ALTER TABLE integrations ADD CONSTRAINT integrations_state_check CHECK (state IN ('connecting', 'connected', 'failed', 'removing'))`);
    await db.query(`
      CREATE TABLE removals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        integration_id uuid NOT NULL,
        state text NOT NULL CHECK (state IN ('removing', 'removed')),
        workflow_id text NOT NULL,
        steps jsonb NOT NULL DEFAULT '[]',
        manual_actions jsonb NOT NULL DEFAULT '[]',
        assets_remaining integer,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await db.query('CREATE INDEX removals_tenant_started_idx ON removals (tenant_id, started_at DESC)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE removals');
    await db.query('ALTER TABLE integrations DROP CONSTRAINT integrations_state_check');
    await db.query(`ALTER TABLE integrations ADD CONSTRAINT integrations_state_check CHECK (state IN ('connecting', 'connected', 'failed'))`);
  }
}

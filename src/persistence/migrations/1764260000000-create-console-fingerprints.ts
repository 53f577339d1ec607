import { MigrationInterface, QueryRunner } from 'typeorm';

/** The change watcher's fingerprints and its per-integration settings. */
export class CreateConsoleFingerprints1764260000000 implements MigrationInterface {
  name = 'CreateConsoleFingerprints1764260000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE console_fingerprints (
        integration_id uuid PRIMARY KEY REFERENCES integrations(id) ON DELETE CASCADE,
        fingerprints jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      ALTER TABLE integrations
        ADD COLUMN watch_interval_seconds integer NOT NULL DEFAULT 60 CHECK (watch_interval_seconds BETWEEN 15 AND 3600),
        ADD COLUMN push_events boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE integrations DROP COLUMN watch_interval_seconds, DROP COLUMN push_events');
    await db.query('DROP TABLE console_fingerprints');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The watcher's fingerprints one row per computer (compared a page at a time) instead of one JSON
 * document per integration (read and written whole at every poll). `console_watch_baselines` keeps
 * only that a baseline was taken, so a Console that had no computers then still counts as seen.
 */
export class ComputerFingerprints1764390000000 implements MigrationInterface {
  name = 'ComputerFingerprints1764390000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE console_computer_fingerprints (
        integration_id uuid NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
        computer_hid text NOT NULL,
        fingerprint text NOT NULL,
        PRIMARY KEY (integration_id, computer_hid)
      )`);
    await db.query(`
      INSERT INTO console_computer_fingerprints (integration_id, computer_hid, fingerprint)
      SELECT integration_id, stored.key, stored.value FROM console_fingerprints, jsonb_each_text(fingerprints) AS stored`);
    await db.query('ALTER TABLE console_fingerprints DROP COLUMN fingerprints');
    await db.query('ALTER TABLE console_fingerprints RENAME TO console_watch_baselines');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE console_watch_baselines RENAME TO console_fingerprints');
    await db.query(`ALTER TABLE console_fingerprints ADD COLUMN fingerprints jsonb NOT NULL DEFAULT '{}'`);
    await db.query(`
      UPDATE console_fingerprints SET fingerprints = stored.fingerprints
      FROM (SELECT integration_id, jsonb_object_agg(computer_hid, fingerprint) AS fingerprints FROM console_computer_fingerprints GROUP BY integration_id) AS stored
      WHERE console_fingerprints.integration_id = stored.integration_id`);
    await db.query('ALTER TABLE console_fingerprints ALTER COLUMN fingerprints DROP DEFAULT');
    await db.query('DROP TABLE console_computer_fingerprints');
  }
}

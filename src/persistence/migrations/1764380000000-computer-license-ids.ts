import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each computer's Console license as the last run joined it: what an event run reads by id. */
export class ComputerLicenseIds1764380000000 implements MigrationInterface {
  name = 'ComputerLicenseIds1764380000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE computer_license_ids (
        integration_id uuid NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
        computer_hid text NOT NULL,
        license_id text,
        PRIMARY KEY (integration_id, computer_hid)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE computer_license_ids');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** Run history names each computer: its host name and company when the run planned it. */
export class SyncRunItemNames1764360000000 implements MigrationInterface {
  name = 'SyncRunItemNames1764360000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE sync_run_items ADD COLUMN host_name text, ADD COLUMN company_name text');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE sync_run_items DROP COLUMN host_name, DROP COLUMN company_name');
  }
}

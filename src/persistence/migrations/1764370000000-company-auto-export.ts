import { MigrationInterface, QueryRunner } from 'typeorm';

/** A company's own choice of whether its new computers are exported by the sync (null: the integration's). */
export class CompanyAutoExport1764370000000 implements MigrationInterface {
  name = 'CompanyAutoExport1764370000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE company_mappings ADD COLUMN auto_export boolean');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE company_mappings DROP COLUMN auto_export');
  }
}

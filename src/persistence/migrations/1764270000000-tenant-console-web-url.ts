import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tenant's web console address; existing tenants get their API URL (the simulator serves both). */
export class TenantConsoleWebUrl1764270000000 implements MigrationInterface {
  name = 'TenantConsoleWebUrl1764270000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE tenants ADD COLUMN console_web_url text');
    await db.query('UPDATE tenants SET console_web_url = console_url');
    await db.query('ALTER TABLE tenants ALTER COLUMN console_web_url SET NOT NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE tenants DROP COLUMN console_web_url');
  }
}

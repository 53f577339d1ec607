import { MigrationInterface, QueryRunner } from 'typeorm';

/** The deep check looks links up by asset, a page of HaloPSA's assets at a time. */
export class ComputerLinksByAsset1764380000000 implements MigrationInterface {
  name = 'ComputerLinksByAsset1764380000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX computer_links_by_asset ON computer_links (integration_id, halo_asset_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX computer_links_by_asset');
  }
}

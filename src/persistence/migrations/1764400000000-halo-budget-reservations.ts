import { MigrationInterface, QueryRunner } from 'typeorm';

/** Places taken together for a batch's requests are marked with their reservation until they are settled. */
export class HaloBudgetReservations1764400000000 implements MigrationInterface {
  name = 'HaloBudgetReservations1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE halo_budget_requests ADD COLUMN reservation uuid');
    await db.query('CREATE INDEX halo_budget_requests_reservation ON halo_budget_requests (reservation) WHERE reservation IS NOT NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE halo_budget_requests DROP COLUMN reservation');
  }
}

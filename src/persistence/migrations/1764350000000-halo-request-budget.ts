import { MigrationInterface, QueryRunner } from 'typeorm';

/** HaloPSA's rate limit, kept by the product: a budget per HaloPSA instance and the requests it has let out. */
export class HaloRequestBudget1764350000000 implements MigrationInterface {
  name = 'HaloRequestBudget1764350000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE halo_instance_budgets (
      instance text PRIMARY KEY,
      requests_per_window integer NOT NULL CHECK (requests_per_window > 0),
      window_seconds integer NOT NULL CHECK (window_seconds > 0),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await db.query('CREATE TABLE halo_budget_requests (instance text NOT NULL, sent_at timestamptz NOT NULL)');
    await db.query('CREATE INDEX halo_budget_requests_instance_sent_at ON halo_budget_requests (instance, sent_at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE halo_budget_requests');
    await db.query('DROP TABLE halo_instance_budgets');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** One-time links that open a settings page session for an API key; only their hash is kept. */
export class CreateSettingsSignInLinks1764285150000 implements MigrationInterface {
  name = 'CreateSettingsSignInLinks1764285150000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE settings_sign_in_links (
      token_hash text PRIMARY KEY,
      api_key_id uuid NOT NULL REFERENCES api_keys(id) ON DELETE CASCADE,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await db.query('CREATE INDEX settings_sign_in_links_expires_at ON settings_sign_in_links (expires_at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE settings_sign_in_links');
  }
}

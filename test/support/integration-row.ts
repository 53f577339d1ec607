import { DataSource } from 'typeorm';

/** A tenant and its connected integration, as bare rows (what tables keyed by integration need); the integration's id. */
export async function insertIntegrationRow(dataSource: DataSource, computerIdFieldId: number | null = null): Promise<string> {
  const [tenant] = await dataSource.query(
    `INSERT INTO tenants (name, console_url, console_web_url, console_login_sealed, console_password_sealed) VALUES ('T', 'https://c', 'https://c', 'x', 'x') RETURNING id`,
  );
  const [integration] = await dataSource.query(
    `INSERT INTO integrations (tenant_id, halo_resource_url, halo_auth_url, halo_client_id, halo_client_secret_sealed, state, connect_token, computer_id_field_id)
     VALUES ($1, 'https://h/api', 'https://h/auth', 'id', 'x', 'connected', gen_random_uuid()::text, $2) RETURNING id`,
    [tenant.id, computerIdFieldId],
  );
  return integration.id;
}

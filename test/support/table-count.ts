import { Client } from 'pg';

/** Rows in one of the product's tables (a fixed name from the test, never user input). */
export async function tableCount(databaseUrl: string, table: 'integrations' | 'tenants' | 'computer_links'): Promise<number> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return Number((await db.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
  } finally {
    await db.end();
  }
}

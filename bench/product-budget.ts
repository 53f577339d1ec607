import { Client } from 'pg';

/** The product's record of the requests it sent in HaloPSA's current window, emptied as the simulator's window is. */
export async function forgetProductBudgetUse(databaseUrl: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('DELETE FROM halo_budget_requests');
  } finally {
    await db.end();
  }
}

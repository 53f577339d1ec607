import type { ConsoleClient } from '../console/console-client';
import { buildInventory } from './build-inventory';
import type { Inventory } from './inventory-types';

/** The Console calls the inventory needs (a `ConsoleClient` is one). */
export type ConsoleInventorySource = Pick<ConsoleClient, 'listCompanies' | 'listComputers' | 'listLicenses' | 'listMonitoring'>;

/**
 * Reads companies, computers (all pages), licenses and monitoring in parallel and joins them
 * with `buildInventory`. The first call to fail rejects at once with its `ConsoleError` unchanged
 * (retrying is the caller's business, e.g. a Temporal activity's retry policy); later failures of
 * the other calls are absorbed by `Promise.all`, never left unhandled.
 */
export async function readConsoleInventory(client: ConsoleInventorySource): Promise<Inventory> {
  const [companies, computers, licenses, monitoring] = await Promise.all([
    client.listCompanies(),
    client.listComputers(),
    client.listLicenses(),
    client.listMonitoring(),
  ]);
  return buildInventory({ companies, computers, licenses, monitoring });
}

import type { ConsoleClient } from '../console/console-client';
import type { ConsoleLicense } from '../console/console-types';
import { buildInventory } from './build-inventory';
import type { Inventory } from './inventory-types';

/** The Console calls the inventory needs (a `ConsoleClient` is one). */
export type ConsoleInventorySource = Pick<ConsoleClient, 'listCompanies' | 'listComputers' | 'listLicenses' | 'listMonitoring'>;

/**
 * Reads companies, computers (all pages), licenses and monitoring in parallel and joins them
 * with `buildInventory`. The first call to fail rejects at once with its `ConsoleError` unchanged
 * (retrying is the caller's business, e.g. a Temporal activity's retry policy); later failures of
 * the other calls are absorbed by `Promise.all`, never left unhandled. `licenses`: the license
 * list when the caller reads it for something else too, so that it is read once.
 */
export async function readConsoleInventory(client: ConsoleInventorySource, licenses: Promise<ConsoleLicense[]> = client.listLicenses()): Promise<Inventory> {
  const [companies, computers, licenseList, monitoring] = await Promise.all([
    client.listCompanies(),
    client.listComputers(),
    licenses,
    client.listMonitoring(),
  ]);
  return buildInventory({ companies, computers, licenses: licenseList, monitoring });
}

import { ConsoleClient } from '../console/console-client';
import { ConsoleError } from '../console/console-errors';
import { buildInventory } from '../inventory/build-inventory';
import { readConsoleInventory } from '../inventory/console-inventory-reader';
import { Inventory } from '../inventory/inventory-types';

/**
 * The Console's inventory for a run: everything for a full run; for an event run only the named
 * computers (one request each, plus the three lists that carry companies, licenses and backups).
 */
export async function readInventoryFor(console: ConsoleClient, hids?: readonly string[]): Promise<Inventory> {
  if (!hids) return readConsoleInventory(console);
  const [companies, licenses, monitoring, computers] = await Promise.all([
    console.listCompanies(),
    console.listLicenses(),
    console.listMonitoring(),
    Promise.all(
      hids.map((hid) =>
        console.getComputer(hid).catch((error: unknown) => {
          if (error instanceof ConsoleError && error.kind === 'not_found') return undefined;
          throw error;
        }),
      ),
    ),
  ]);
  return buildInventory({ companies, licenses, monitoring, computers: computers.filter((c) => c !== undefined) });
}

import { ConsoleClient } from '../console/console-client';
import { ConsoleError } from '../console/console-errors';
import { indexCompaniesByName } from '../inventory/eligibility';
import { inventoryCompanies, inventoryComputers } from '../inventory/build-inventory';
import { InventoryJoins, joinKey, userOfKey } from '../inventory/inventory-joins';
import { InventoryCompany, InventoryComputer } from '../inventory/inventory-types';

/** The Console calls a run's reads need (a `ConsoleClient` is one). */
export type ConsoleRunSource = Pick<ConsoleClient, 'listCompanies' | 'computerPages' | 'getComputer' | 'licenseBatches' | 'monitoringBatches' | 'monitoringOfUser'>;

interface JoinContext {
  companiesByName: ReadonlyMap<string, InventoryCompany>;
  joins: InventoryJoins;
}

/**
 * The Console's inventory for a full run, a page of computers at a time, each joined as
 * `buildInventory` joins it. The license and monitoring lists are read as they arrive into what
 * the join needs, so memory holds that, a page and the pages asked ahead, not the tenant. The
 * first page is asked for while those lists are read.
 */
export async function* inventoryPages(console: ConsoleRunSource): AsyncGenerator<InventoryComputer[]> {
  const pages = console.computerPages();
  const first = pages.next();
  first.catch(() => undefined);
  const { companiesByName, joins } = await readJoins(console);
  for (let next = await first; !next.done; next = await pages.next()) {
    yield lastPerHid(inventoryComputers(next.value, companiesByName, joins));
  }
}

/**
 * The named computers for an event run: one request each, the companies, the license list (only the
 * named computers' rows kept) and their users' backup results (`GET /api/Monitoring/{userId}`, or
 * the whole list, filtered, where the Console does not offer that). Computers the Console no longer
 * has are left out.
 */
export async function readComputersNamed(console: ConsoleRunSource, hids: readonly string[]): Promise<InventoryComputer[]> {
  const found = await Promise.all(
    hids.map((hid) =>
      console.getComputer(hid).catch((error: unknown) => {
        if (error instanceof ConsoleError && error.kind === 'not_found') return undefined;
        throw error;
      }),
    ),
  );
  const computers = found.filter((computer) => computer !== undefined);
  const keys = computers.map((computer) => joinKey(computer.UserID, computer.ComputerName)).filter((key) => key !== undefined);
  const joins = new InventoryJoins(keys);
  const users = [...new Set(keys.map(userOfKey))];
  const [companies] = await Promise.all([console.listCompanies(), readLicenses(console, joins), readMonitoringOfUsers(console, users, joins)]);
  return lastPerHid(inventoryComputers(computers, indexCompaniesByName(inventoryCompanies(companies)), joins));
}

async function readMonitoringOfUsers(console: ConsoleRunSource, users: readonly string[], joins: InventoryJoins): Promise<void> {
  // A computer without a UserID can only be joined through the whole list.
  if (users.includes('')) return readMonitoring(console, joins);
  const rows = await Promise.all(users.map((user) => console.monitoringOfUser(user)));
  if (rows.some((of) => of === undefined)) return readMonitoring(console, joins);
  for (const of of rows) joins.addMonitoring(of ?? []);
}

async function readJoins(console: ConsoleRunSource): Promise<JoinContext> {
  const joins = new InventoryJoins();
  const [companies] = await Promise.all([console.listCompanies(), readLicenses(console, joins), readMonitoring(console, joins)]);
  return { companiesByName: indexCompaniesByName(inventoryCompanies(companies)), joins };
}

async function readLicenses(console: ConsoleRunSource, joins: InventoryJoins): Promise<void> {
  for await (const batch of console.licenseBatches()) joins.addLicenses(batch);
}

async function readMonitoring(console: ConsoleRunSource, joins: InventoryJoins): Promise<void> {
  for await (const batch of console.monitoringBatches()) joins.addMonitoring(batch);
}

/** One entry per computer, the last listed, as in `buildInventory`. */
function lastPerHid(computers: readonly InventoryComputer[]): InventoryComputer[] {
  return [...new Map(computers.map((computer) => [computer.hid, computer])).values()];
}


import { ConsoleClient } from '../console/console-client';
import { normaliseComputerId } from '../console/computer-id';
import { undefinedWhenNotFound } from '../console/console-errors';
import { ConsoleComputer, ConsoleLicense } from '../console/console-types';
import { indexCompaniesByName } from '../inventory/eligibility';
import { inventoryCompanies, inventoryComputers } from '../inventory/build-inventory';
import { InventoryJoins, joinKey, stringOf, userOfKey } from '../inventory/inventory-joins';
import { InventoryCompany, InventoryComputer } from '../inventory/inventory-types';

/** The Console calls a run's reads need (a `ConsoleClient` is one). */
export type ConsoleRunSource = Pick<ConsoleClient, 'listCompanies' | 'computerPages' | 'getComputer' | 'getLicense' | 'licenseBatches' | 'monitoringBatches' | 'monitoringOfUser'>;

interface JoinContext {
  companiesByName: ReadonlyMap<string, InventoryCompany>;
  joins: InventoryJoins;
}

/**
 * The Console's inventory for a full run, a page of computers at a time, each joined as
 * `buildInventory` joins it. The license and monitoring lists are read as they arrive into what
 * the join needs, so memory holds that, a page and the pages asked ahead, not the tenant. The
 * first page is asked for while those lists are read. `seen` gathers the HIDs listed.
 */
export async function* inventoryPages(console: ConsoleRunSource, seen?: Set<string>): AsyncGenerator<InventoryComputer[]> {
  const pages = console.computerPages(seen);
  const first = pages.next();
  first.catch(() => undefined);
  const { companiesByName, joins } = await readJoins(console);
  for (let next = await first; !next.done; next = await pages.next()) {
    yield lastPerHid(inventoryComputers(next.value, companiesByName, joins));
  }
}

/**
 * The named computers for an event run: one request each, the companies, their licenses and their
 * users' backup results (`GET /api/Monitoring/{userId}`, or the whole list, filtered, where the
 * Console does not offer that). Computers the Console no longer has are left out.
 *
 * `knownLicenses`: each computer's license `ID` as the last run joined it (null: it had none). Those
 * licenses are read one by one, beside the computers; the whole license list (only the named
 * computers' rows kept) is read only when one of them no longer settles its computer's license.
 */
export async function readComputersNamed(console: ConsoleRunSource, hids: readonly string[], knownLicenses: ReadonlyMap<string, string | null> = new Map()): Promise<InventoryComputer[]> {
  const [found, licenses, companies] = await Promise.all([
    Promise.all(hids.map((hid) => console.getComputer(hid).catch(undefinedWhenNotFound))),
    readLicensesById(console, knownLicenses),
    console.listCompanies(),
  ]);
  const computers = found.filter((computer) => computer !== undefined);
  const keys = computers.map((computer) => joinKey(computer.UserID, computer.ComputerName)).filter((key) => key !== undefined);
  const joins = new InventoryJoins(keys);
  const users = [...new Set(keys.map(userOfKey))];
  const settled = settledLicenses(computers, knownLicenses, licenses);
  await Promise.all([settled ? joins.addLicenses(settled) : readLicenses(console, joins), readMonitoringOfUsers(console, users, joins)]);
  return lastPerHid(inventoryComputers(computers, indexCompaniesByName(inventoryCompanies(companies)), joins));
}

async function readLicensesById(console: ConsoleRunSource, known: ReadonlyMap<string, string | null>): Promise<Map<string, ConsoleLicense>> {
  const ids = [...new Set([...known.values()].filter((id) => id !== null))];
  const licenses = await Promise.all(ids.map((id) => console.getLicense(id)));
  return new Map(licenses.filter((license) => license !== undefined).map((license) => [stringOf(license.ID), license]));
}

/**
 * The licenses of these computers when what the last run found still holds for each: its license,
 * still taken, still names it; or it had none and the computer still says plainly that none is granted.
 * Undefined when any computer's license must be looked up in the whole list.
 */
function settledLicenses(computers: readonly ConsoleComputer[], known: ReadonlyMap<string, string | null>, licenses: ReadonlyMap<string, ConsoleLicense>): ConsoleLicense[] | undefined {
  const settled: ConsoleLicense[] = [];
  for (const computer of computers) {
    const key = joinKey(computer.UserID, computer.ComputerName);
    if (key === undefined) continue;
    const id = known.get(normaliseComputerId(computer.ComputerHID));
    if (id === undefined) return undefined;
    if (id === null) {
      if (computer.License?.Granted !== false) return undefined;
      continue;
    }
    const license = licenses.get(id);
    if (license?.IsTaken !== true || joinKey(license.UserID, license.ComputerName) !== key) return undefined;
    settled.push(license);
  }
  return settled;
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


import { ConsoleError } from '../../../src/console/console-errors';
import type { ConsoleComputer } from '../../../src/console/console-types';
import { ConsoleInventorySource, readConsoleInventory } from '../../../src/inventory/console-inventory-reader';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const HID = '7f1c2a9e-0b3d-4c55-8e21-9a6b4f0d1e22';
const computer: ConsoleComputer = {
  ComputerHID: HID,
  ComputerName: 'ACME-WS-014',
  CompanyName: 'Acme Dental',
  UserID: 'u1',
  HasBackupApp: true,
  Apps: [{ ApplicationId: 'backup', Version: '7.9.4.83', Online: true }],
};

describe('readConsoleInventory', () => {
  it('calls the four lists in parallel and joins them', async () => {
    const companies = deferred<Awaited<ReturnType<ConsoleInventorySource['listCompanies']>>>();
    const computers = deferred<ConsoleComputer[]>();
    const licenses = deferred<Awaited<ReturnType<ConsoleInventorySource['listLicenses']>>>();
    const monitoring = deferred<Awaited<ReturnType<ConsoleInventorySource['listMonitoring']>>>();
    const calls: string[] = [];
    const client: ConsoleInventorySource = {
      listCompanies: () => (calls.push('companies'), companies.promise),
      listComputers: () => (calls.push('computers'), computers.promise),
      listLicenses: () => (calls.push('licenses'), licenses.promise),
      listMonitoring: () => (calls.push('monitoring'), monitoring.promise),
    };
    const reading = readConsoleInventory(client);
    // All four are asked before any has answered.
    expect(calls.sort()).toEqual(['companies', 'computers', 'licenses', 'monitoring']);
    monitoring.resolve([{ PlanName: 'Files', PlanId: 'p', CompanyName: 'Acme Dental', UserID: 'u1', ComputerName: 'ACME-WS-014', LastStart: '2025-06-01T22:00:00', Status: 7 }]);
    licenses.resolve([{ ID: 'l', ComputerName: 'ACME-WS-014', IsTrial: false, IsTaken: true, LicenseType: 'Desktop', UserID: 'u1' }]);
    computers.resolve([computer]);
    companies.resolve([{ Id: 'co-1', Name: 'Acme Dental' }]);
    await expect(reading).resolves.toEqual({
      companies: [{ id: 'co-1', name: 'Acme Dental' }],
      computers: [
        {
          hid: HID,
          hostName: 'ACME-WS-014',
          displayName: 'ACME-WS-014',
          companyName: 'Acme Dental',
          companyId: 'co-1',
          os: '',
          backupAgentVersion: '7.9.4.83',
          hasBackupAgent: true,
          hasRmmAgent: false,
          online: true,
          licenseType: 'Desktop',
          licenseId: 'l',
          lastBackup: { status: 'Warning', at: '2025-06-01T22:00:00.000Z' },
        },
      ],
    });
  });

  it('rejects at once with the first ConsoleError unchanged, and leaves no later rejection unhandled', async () => {
    const error = new ConsoleError('server', 'The Console failed on GET /api/Licenses (HTTP 503)', { status: 503, operation: 'GET /api/Licenses' });
    const other = new ConsoleError('network', 'The Console did not answer', { operation: 'GET /api/Monitoring' });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const client: ConsoleInventorySource = {
        listCompanies: async () => [],
        listComputers: () => new Promise(() => undefined), // still paging: not waited for
        listLicenses: async () => {
          throw error;
        },
        listMonitoring: () => new Promise((_, reject) => setTimeout(() => reject(other), 5)),
      };
      await expect(readConsoleInventory(client)).rejects.toBe(error);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

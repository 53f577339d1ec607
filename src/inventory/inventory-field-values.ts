import type { InventoryComputer } from './inventory-types';

/**
 * The HaloPSA asset custom fields that carry Console data (journey step 6: OS, agent versions,
 * online state, last activity, last backup result, license), and their values for a computer.
 *
 * `name` is the field's name without Halo's `CF` prefix (as `COMPUTER_ID_FIELD` in
 * `integrations/halo-setup-items.ts`); setup finds or creates each by it. Values are plain text,
 * deterministic (a sync compares them with what Halo holds to decide what changed, so the same
 * computer must always give the same strings) and `''` when the Console does not say.
 */

export type InventoryFieldKey = 'os' | 'agents' | 'online' | 'lastActivity' | 'lastBackupResult' | 'lastBackupAt' | 'licenseType';

export interface InventoryField {
  key: InventoryFieldKey;
  name: string;
  label: string;
}

export const INVENTORY_FIELDS: readonly InventoryField[] = Object.freeze([
  Object.freeze({ key: 'os', name: 'ConsoleOperatingSystem', label: 'Operating system (Console)' }),
  Object.freeze({ key: 'agents', name: 'ConsoleAgentVersions', label: 'Agent versions (Console)' }),
  Object.freeze({ key: 'online', name: 'ConsoleOnline', label: 'Online (Console)' }),
  Object.freeze({ key: 'lastActivity', name: 'ConsoleLastActivity', label: 'Last activity (Console)' }),
  Object.freeze({ key: 'lastBackupResult', name: 'ConsoleLastBackupResult', label: 'Last backup result (Console)' }),
  Object.freeze({ key: 'lastBackupAt', name: 'ConsoleLastBackupDate', label: 'Last backup date (Console)' }),
  Object.freeze({ key: 'licenseType', name: 'ConsoleLicenseType', label: 'License type (Console)' }),
] as const satisfies readonly InventoryField[]);

const OS_LABELS: Record<string, string> = { windows: 'Windows', linux: 'Linux', macos: 'macOS' };

/**
 * - `os`: "Windows", "Linux", "macOS", or the Console's own string for any other;
 * - `agents`: "Backup 7.9.4.83; RMM 3.4.1.90" (an agent without a known version is just "Backup"
 *   or "RMM"; '' with neither);
 * - `online`: "Yes" / "No";
 * - `lastActivity`, `lastBackupAt`: ISO 8601 UTC as the inventory holds them;
 * - `lastBackupResult`: the status name ("Success", "Error", ...);
 * - `licenseType`: the license's display name ("Server", ...).
 */
export function inventoryFieldValues(computer: InventoryComputer): Record<InventoryFieldKey, string> {
  const agents: string[] = [];
  if (computer.hasBackupAgent) agents.push(withVersion('Backup', computer.backupAgentVersion));
  if (computer.hasRmmAgent) agents.push(withVersion('RMM', computer.rmmAgentVersion));
  const os = (computer.os ?? '').trim();
  return {
    os: OS_LABELS[os.toLowerCase()] ?? os,
    agents: agents.join('; '),
    online: computer.online ? 'Yes' : 'No',
    lastActivity: computer.lastActivity ?? '',
    lastBackupResult: computer.lastBackup?.status ?? '',
    lastBackupAt: computer.lastBackup?.at ?? '',
    licenseType: computer.licenseType ?? '',
  };
}

function withVersion(agent: string, version: string | undefined): string {
  const text = version?.trim() ?? '';
  return text === '' ? agent : `${agent} ${text}`;
}

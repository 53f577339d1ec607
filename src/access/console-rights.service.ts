import { Injectable } from '@nestjs/common';
import { requiredConsolePermissions } from '../console/administrator-permissions';
import { ConsoleAdministrator } from '../console/console-types';
import { TenantConsoleService } from '../tenants/tenant-console.service';

/** The Console permissions the seed requires of whoever creates or manages the integration. */
export const CONSOLE_PERMISSION_NAMES = { users: 'Users', psaIntegration: 'Miscellaneous > PSA integration' } as const;

export interface ConsoleRights {
  administrator?: ConsoleAdministrator;
  /** Names of the required permissions the administrator lacks (all of them when not found or disabled). */
  missing: string[];
  problem?: string;
}

@Injectable()
export class ConsoleRightsService {
  constructor(private readonly consoles: TenantConsoleService) {}

  async rightsOf(tenantId: string, administratorId: string): Promise<ConsoleRights> {
    const administrators = await this.consoles.administratorsOf(tenantId);
    const administrator = administrators.find((a) => a.AdminID.toLowerCase() === administratorId.toLowerCase());
    const all = Object.values(CONSOLE_PERMISSION_NAMES);
    if (!administrator) return { missing: all, problem: 'The Console administrator this API key belongs to no longer exists.' };
    const held = requiredConsolePermissions(administrator);
    if (!held.enabled) return { administrator, missing: all, problem: 'The Console administrator this API key belongs to is disabled.' };
    const missing = (Object.keys(CONSOLE_PERMISSION_NAMES) as (keyof typeof CONSOLE_PERMISSION_NAMES)[])
      .filter((permission) => !held[permission])
      .map((permission) => CONSOLE_PERMISSION_NAMES[permission]);
    return { administrator, missing };
  }
}

/**
 * The agent an API application logs in as. Halo grants a call only when both the application's
 * scopes and this agent's permissions allow it. Halo's JSON names for feature access levels are
 * unknown, so `access` is the simulator's own model and is not shown by `/api/Agent/me`.
 */
export type AgentFeature = 'customers' | 'assets' | 'tickets';

export const ACCESS_LEVELS = ['none', 'read', 'modify'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export type AssetTypeRightName = 'canview' | 'cancreate' | 'canedit';

export interface AssetTypeRight {
  assettype_id: number;
  canview: boolean;
  cancreate: boolean;
  canedit: boolean;
}

export interface AgentRole {
  id: string;
  name: string;
}

export interface AgentRecord {
  id: number;
  name: string;
  email: string;
  is_admin: boolean;
  isapiagent: boolean;
  isdisabled: boolean;
  roles: AgentRole[];
  access: Record<AgentFeature, AccessLevel>;
  /** `null`: the agent may use all asset types; otherwise only those listed, with the rights listed. */
  assettypes: AssetTypeRight[] | null;
}

export function accessAllows(level: AccessLevel, needed: Exclude<AccessLevel, 'none'>): boolean {
  return ACCESS_LEVELS.indexOf(level) >= ACCESS_LEVELS.indexOf(needed);
}

export function assetTypeAllows(agent: AgentRecord, assetTypeId: number, right: AssetTypeRightName): boolean {
  if (agent.assettypes === null) return true;
  return agent.assettypes.some((entry) => entry.assettype_id === assetTypeId && entry[right]);
}

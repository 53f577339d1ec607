import { EntityName } from '../entity-names';
import { accessAllows, AgentFeature, AgentRecord } from '../state/agent';
import { Capability, ScopeArea } from './scopes';

export const PERMISSION_VERBS = ['GET', 'POST', 'DELETE'] as const;
export type PermissionVerb = (typeof PERMISSION_VERBS)[number];

type AgentNeed = { feature: AgentFeature; level: 'read' | 'modify' } | 'administrator' | 'none';

interface Requirement {
  /** Any one of these capabilities will do; empty = no scope needed. */
  scope: readonly Capability[];
  agent: AgentNeed;
}

const FEATURE_LABELS: Record<AgentFeature, string> = { customers: 'Customers', assets: 'Assets', tickets: 'Tickets' };

function dataRules(area: ScopeArea, feature: AgentFeature): Partial<Record<PermissionVerb, Requirement>> {
  const write: Requirement = { scope: [`edit:${area}`], agent: { feature, level: 'modify' } };
  return { GET: { scope: [`read:${area}`], agent: { feature, level: 'read' } }, POST: write, DELETE: write };
}

/**
 * Configuration (asset types and groups, custom fields, buttons): reading it is part of working
 * with assets, so `read:assets` or `admin` will do; changing it needs the `admin` capability
 * (scope `admin` or `all`, or `all:standard` when the setting allows) and an administrator agent.
 */
const CONFIGURATION: Partial<Record<PermissionVerb, Requirement>> = {
  GET: { scope: ['read:assets', 'admin'], agent: 'none' },
  POST: { scope: ['admin'], agent: 'administrator' },
  DELETE: { scope: ['admin'], agent: 'administrator' },
};

const REQUIREMENTS: Record<EntityName, Partial<Record<PermissionVerb, Requirement>>> = {
  Client: dataRules('customers', 'customers'),
  Site: dataRules('customers', 'customers'),
  Asset: dataRules('assets', 'assets'),
  Tickets: dataRules('tickets', 'tickets'),
  AssetType: CONFIGURATION,
  AssetGroup: CONFIGURATION,
  FieldInfo: CONFIGURATION,
  CustomButton: CONFIGURATION,
  Agent: { GET: { scope: [], agent: 'none' } },
};

/**
 * Why a call is refused (403), naming the missing scope or agent permission; undefined when both
 * sides allow it. Verbs without a rule (PUT, PATCH) pass, so that the router can answer 405.
 */
export function permissionProblem(
  entity: EntityName,
  verb: string,
  granted: ReadonlySet<Capability>,
  agent: AgentRecord,
): string | undefined {
  const requirement = REQUIREMENTS[entity][verb as PermissionVerb];
  if (!requirement) return undefined;
  const { scope, agent: need } = requirement;
  if (scope.length > 0 && !scope.some((capability) => granted.has(capability))) {
    return `The application's token lacks the scope ${scope.join(' or ')} needed for ${verb} ${entity}`;
  }
  if (need === 'administrator' && !agent.is_admin) {
    return `The agent "${agent.name}" is not a HaloPSA administrator, needed for ${verb} ${entity}`;
  }
  if (typeof need === 'object' && !accessAllows(agent.access[need.feature], need.level)) {
    const label = FEATURE_LABELS[need.feature];
    return `The agent "${agent.name}" lacks the permission ${label}: ${need.level} (it has ${label}: ${agent.access[need.feature]})`;
  }
  return undefined;
}

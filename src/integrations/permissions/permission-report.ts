import { HaloCapabilities, HaloCapabilitiesWithToken, hasHaloToken } from '../../halo/halo-capabilities';

export type IntegrationAction = 'create' | 'manage' | 'delete';
export type RequirementLayer = 'application' | 'agent' | 'console';

export interface RequirementCheck {
  layer: RequirementLayer;
  requirement: string;
  /** `null`: could not be checked (an earlier requirement failed first). */
  holds: boolean | null;
  /** What to change, and where, when it does not hold. */
  fix?: string;
}

export interface ActionReport {
  allowed: boolean;
  requirements: RequirementCheck[];
}

export interface PermissionReport {
  checkedAt: string;
  /** Why nothing past authentication could be checked (bad credentials, unknown tenant...). */
  authenticationError?: string;
  haloAgent?: string;
  actions: Record<IntegrationAction, ActionReport>;
}

const WHERE_APPLICATION = 'In HaloPSA, Configuration > Integrations > HaloPSA API > Applications > (this application) > Permissions';
const WHERE_AGENT = 'In HaloPSA, Configuration > Teams & Agents > Agents > (the agent the application logs in as)';
const WHERE_CONSOLE = 'In the Console, Settings > Administrators > (your account) > Permissions';

function hasScope(granted: readonly string[], ...anyOf: string[]): boolean {
  return anyOf.some((scope) => granted.includes(scope));
}


function haloRequirements(c: HaloCapabilitiesWithToken): Record<IntegrationAction, RequirementCheck[]> {
  const scopes = c.token.grantedScopes;
  const probe = (name: keyof HaloCapabilitiesWithToken['probes']): boolean | null =>
    c.probes[name].status === 'unknown' ? null : c.probes[name].status === 'granted';
  const configureScope = hasScope(scopes, 'all', 'admin') || (hasScope(scopes, 'all:standard') && probe('configurationWrite') === true);
  const configure: RequirementCheck[] = [
    {
      layer: 'application',
      requirement: 'Scope "all" (creates and deletes the custom field and the button)',
      holds: configureScope,
      fix: `${WHERE_APPLICATION}: tick "all".`,
    },
    {
      layer: 'agent',
      requirement: 'HaloPSA administrator',
      holds: c.agent.isAdmin,
      fix: `${WHERE_AGENT}: make ${c.agent.name || 'the agent'} an administrator, or log the application in as one.`,
    },
  ];
  const manage: RequirementCheck[] = [
    { layer: 'application', requirement: 'Customers: read', holds: hasScope(scopes, 'all', 'all:standard', 'read:customers', 'edit:customers'), fix: `${WHERE_APPLICATION}: allow Customers read.` },
    { layer: 'application', requirement: 'Assets: read and edit', holds: hasScope(scopes, 'all', 'all:standard', 'edit:assets'), fix: `${WHERE_APPLICATION}: allow Assets edit.` },
    { layer: 'agent', requirement: 'Customers: read', holds: probe('customersRead'), fix: `${WHERE_AGENT}: give Customers read access.` },
    { layer: 'agent', requirement: 'Customers: modify', holds: probe('customersWrite'), fix: `${WHERE_AGENT}: give Customers modify access.` },
    { layer: 'agent', requirement: 'Assets: read', holds: probe('assetsRead'), fix: `${WHERE_AGENT}: give Assets read access.` },
    { layer: 'agent', requirement: 'Assets: modify', holds: probe('assetsWrite'), fix: `${WHERE_AGENT}: give Assets modify access.` },
    { layer: 'agent', requirement: 'May use all asset types', holds: probe('assetTypesRead'), fix: `${WHERE_AGENT}: allow every asset type.` },
  ];
  return { create: [...configure, ...manage], manage, delete: configure };
}

function consoleRequirements(missing: readonly string[], problem?: string): RequirementCheck[] {
  return ['Users', 'Miscellaneous > PSA integration'].map((name) => ({
    layer: 'console' as const,
    requirement: name,
    holds: !missing.includes(name),
    fix: problem ?? `${WHERE_CONSOLE}: grant "${name}".`,
  }));
}

function action(requirements: RequirementCheck[]): ActionReport {
  const withFixOnlyWhenMissing = requirements.map((r) => (r.holds === true ? { ...r, fix: undefined } : r));
  return { allowed: requirements.every((r) => r.holds === true), requirements: withFixOnlyWhenMissing };
}

/** The HaloPSA side of one action; a rejected token is one failed requirement that blocks the rest. */
export function haloRequirementsFor(halo: HaloCapabilities, actionName: IntegrationAction): RequirementCheck[] {
  if (hasHaloToken(halo)) return haloRequirements(halo)[actionName];
  return [
    {
      layer: 'application',
      requirement: 'Valid Client ID, Client Secret and tenant',
      holds: false,
      fix: `${WHERE_APPLICATION}: check the Client ID and Secret (editing the application's description regenerates them). HaloPSA said: ${halo.token.error.message}`,
    },
  ];
}

/** Per action, every requirement of the seed's tables: whether it holds, and what to change where. */
export function buildPermissionReport(
  halo: HaloCapabilities,
  consoleRights: { missing: readonly string[]; problem?: string },
  checkedAt: Date,
): PermissionReport {
  const console = consoleRequirements(consoleRights.missing, consoleRights.problem);
  const actions = {} as Record<IntegrationAction, ActionReport>;
  for (const name of ['create', 'manage', 'delete'] as const) actions[name] = action([...haloRequirementsFor(halo, name), ...console]);
  return {
    checkedAt: checkedAt.toISOString(),
    authenticationError: halo.token.ok ? undefined : halo.token.error.message,
    haloAgent: hasHaloToken(halo) ? halo.agent.name : undefined,
    actions,
  };
}

/** The requirements that do not hold, as one sentence for a status or a failure reason. */
export function describeMissing(requirements: readonly RequirementCheck[]): string {
  return requirements
    .filter((r) => r.holds !== true)
    .map((r) => `${r.layer === 'agent' ? 'the HaloPSA agent' : r.layer === 'console' ? 'the Console administrator' : 'the HaloPSA application'} lacks "${r.requirement}"`)
    .join('; ');
}

/**
 * Halo's OAuth scopes (the 44 of HaloAPI's `Classes/HaloAuth.psm1`) and what they grant. A granted
 * scope set is kept as capabilities (`read:assets`, `edit:assets`, ..., `admin`) so that
 * implications (`edit:X` ⇒ `read:X`, `all` ⇒ everything) and intersections stay simple set
 * operations. Areas the simulator serves nothing of are accepted and grant nothing it checks.
 */
export const SCOPE_AREAS = [
  'tickets',
  'customers',
  'assets',
  'contracts',
  'items',
  'invoices',
  'software',
  'kb',
  'reporting',
  'calendar',
  'crm',
  'timesheets',
  'suppliers',
  'projects',
  'sales',
  'quotes',
  'sos',
  'pos',
  'softwarelicensing',
] as const;
export type ScopeArea = (typeof SCOPE_AREAS)[number];

export type Capability = `read:${ScopeArea}` | `edit:${ScopeArea}` | 'admin';

const AREA_SCOPES = SCOPE_AREAS.flatMap((area) => [`read:${area}`, `edit:${area}`] as const);
/** Real scopes outside the `read:`/`edit:` pattern that grant no capability the simulator models. */
const UNMODELLED_SCOPES = ['editMine:timesheets', 'access:chat', 'access:adpasswordreset'];
const KNOWN_SCOPES: ReadonlySet<string> = new Set(['all', 'all:standard', 'admin', ...AREA_SCOPES, ...UNMODELLED_SCOPES]);

export interface ScopePolicy {
  /** Whether `all:standard` also grants configuration writes (`admin`); Halo's behaviour is unknown. */
  allStandardCanConfigure: boolean;
}

/** Space-separated scope text → scope names (OAuth scopes are case-sensitive). */
export function splitScopes(text: string): string[] {
  return text.split(/\s+/).filter((scope) => scope.length > 0);
}

export function unknownScopes(scopes: readonly string[]): string[] {
  return scopes.filter((scope) => !KNOWN_SCOPES.has(scope));
}

export function capabilitiesOf(scopes: readonly string[], policy: ScopePolicy): Set<Capability> {
  const capabilities = new Set<Capability>();
  for (const scope of scopes) {
    if (scope === 'all' || scope === 'all:standard') {
      AREA_SCOPES.forEach((capability) => capabilities.add(capability));
      if (scope === 'all' || policy.allStandardCanConfigure) capabilities.add('admin');
    } else if (scope === 'admin') {
      capabilities.add('admin');
    } else if (scope.startsWith('edit:') || scope.startsWith('read:')) {
      const area = scope.slice(5) as ScopeArea;
      capabilities.add(`read:${area}`);
      if (scope.startsWith('edit:')) capabilities.add(`edit:${area}`);
    }
  }
  return capabilities;
}

export function intersect(a: ReadonlySet<Capability>, b: ReadonlySet<Capability>): Set<Capability> {
  return new Set([...a].filter((capability) => b.has(capability)));
}

/** The shortest scope text granting exactly these capabilities (`all`, `all:standard`, or a list). */
export function describeCapabilities(capabilities: ReadonlySet<Capability>): string {
  const everyArea = AREA_SCOPES.every((capability) => capabilities.has(capability));
  if (everyArea) return capabilities.has('admin') ? 'all' : 'all:standard';
  const scopes: string[] = [];
  for (const area of SCOPE_AREAS) {
    if (capabilities.has(`edit:${area}`)) scopes.push(`edit:${area}`);
    else if (capabilities.has(`read:${area}`)) scopes.push(`read:${area}`);
  }
  if (capabilities.has('admin')) scopes.push('admin');
  return scopes.join(' ');
}

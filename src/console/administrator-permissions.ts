import type { ConsoleAdministrator, ConsoleCompany } from './console-types';

/**
 * What an administrator may do and see, read tolerantly from the Console's `PermissionsModels`,
 * `Enabled`, `Companies` and `AccessToCompaniesMode`.
 *
 * `PermissionsModels` is, in every source we have (the vendor's PowerShell module, the simulator),
 * an object of areas with 0/1 flags and the vendor's spellings: `{"Users":1,"PSA":1,"Monitiring":0,...}`.
 * The shape is undocumented beyond that, so this reader also accepts, key case-insensitively
 * (and ignoring `_`, `-` and spaces):
 * - flags as 0/1, booleans, numeric strings or words ("true", "yes", "enabled", "allowed", "granted");
 * - a flag that is an object (`{"PSA":{"Enabled":true}}`, `{"Value":1}`, `{"Allowed":"true"}`, ...);
 * - areas grouped in nested objects (`{"Miscellaneous":{"PSA":1}}`): the shallowest match wins;
 * - an array of models (`[{"Name":"PSA","Value":1}]`) or of granted area names (`["Users","PSA"]`);
 * - the whole thing as a JSON string, or a comma-separated list of granted area names.
 * Anything not understood counts as *not granted*: a wrong guess shows a clear "missing permission"
 * message rather than letting a less privileged administrator through.
 */

export interface RequiredConsolePermissions {
  /** The "Users" area. */
  users: boolean;
  /** The "Miscellaneous > PSA integration" area (`PSA`). */
  psaIntegration: boolean;
  /** The administrator account is enabled. */
  enabled: boolean;
}

const AREA_ALIASES = {
  users: ['users', 'user', 'usersmanagement', 'manageusers'],
  psaIntegration: ['psa', 'psaintegration', 'psaintegrations', 'managepsa'],
} as const;

/** Keys of a flag object that carry its value. */
const VALUE_KEYS = ['value', 'enabled', 'isenabled', 'allowed', 'isallowed', 'granted', 'isgranted', 'access', 'hasaccess', 'permission', 'checked', 'selected', 'state'];
/** Keys of an array element that name the area it describes. */
const NAME_KEYS = ['name', 'area', 'key', 'type', 'permission', 'permissionname', 'permissiontype', 'title', 'id'];

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'on', 'enabled', 'enable', 'allowed', 'allow', 'granted', 'grant', 'full', 'fullaccess', 'readwrite', 'manage']);
const MAX_DEPTH = 6;

export function requiredConsolePermissions(admin: ConsoleAdministrator): RequiredConsolePermissions {
  const models = normaliseModels(admin?.PermissionsModels);
  return {
    users: hasArea(models, AREA_ALIASES.users),
    psaIntegration: hasArea(models, AREA_ALIASES.psaIntegration),
    enabled: admin?.Enabled === undefined ? false : flagValue(admin.Enabled),
  };
}

export type CompanyAccessMode = 'all' | 'specified';

/**
 * `AccessToCompaniesMode` as "all" or "specified". Names as the vendor's enum spells them
 * (`AllCompanies`, `SpecifiedCompanies`; case and separators ignored). Numbers as the vendor's JSON
 * samples send them: 0 = SpecifiedCompanies (the documented default), 1 = AllCompanies. The vendor
 * requires an empty `Companies` list with "all", so a 1 together with a non-empty list is read as
 * "specified", and anything else unknown is "specified": the safe reading only ever shows fewer companies.
 */
export function companyAccessMode(admin: Pick<ConsoleAdministrator, 'AccessToCompaniesMode' | 'Companies'>): CompanyAccessMode {
  const raw = admin?.AccessToCompaniesMode;
  const companies = Array.isArray(admin?.Companies) ? admin.Companies : [];
  if (typeof raw === 'string') {
    const key = normaliseKey(raw);
    if (key === 'allcompanies' || key === 'all') return 'all';
    if (/^\d+$/.test(raw.trim())) return numericMode(Number(raw.trim()), companies);
    return 'specified';
  }
  if (typeof raw === 'number') return numericMode(raw, companies);
  return 'specified';
}

function numericMode(value: number, companies: readonly unknown[]): CompanyAccessMode {
  return value === 1 && companies.length === 0 ? 'all' : 'specified';
}

/**
 * Names of the companies the administrator may see, in the order of `allCompanies` and spelled as
 * there. "All companies" gives every name; "specified" gives those listed in the administrator's
 * `Companies` (matched ignoring case and surrounding spaces) that exist.
 */
export function visibleCompanyNames(
  admin: Pick<ConsoleAdministrator, 'AccessToCompaniesMode' | 'Companies'>,
  allCompanies: ReadonlyArray<string | Pick<ConsoleCompany, 'Name'>>,
): string[] {
  const names = allCompanies.map((c) => (typeof c === 'string' ? c : c.Name)).filter((n): n is string => typeof n === 'string');
  if (companyAccessMode(admin) === 'all') return names;
  const listed = new Set(
    (Array.isArray(admin?.Companies) ? admin.Companies : []).filter((n): n is string => typeof n === 'string').map(companyKey),
  );
  return names.filter((name) => listed.has(companyKey(name)));
}

function companyKey(name: string): string {
  return name.trim().toLowerCase();
}

// ------------------------------------------------------------------------------------ reading flags

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[\s_\-.]/g, '');
}

/** Accepts a JSON string or a comma list of granted names; other values pass through. */
function normaliseModels(models: unknown): unknown {
  if (typeof models !== 'string') return models;
  const text = models.trim();
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }
  return text === '' ? [] : text.split(/[,;|]/).map((s) => s.trim()).filter(Boolean);
}

/** Breadth-first: the shallowest level that names the area decides (any grant at that level wins). */
function hasArea(models: unknown, aliases: readonly string[]): boolean {
  let level: unknown[] = [models];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const found: boolean[] = [];
    const next: unknown[] = [];
    for (const node of level) {
      if (Array.isArray(node)) {
        for (const element of node) {
          if (typeof element === 'string') {
            if (aliases.includes(normaliseKey(element))) found.push(true);
          } else if (element !== null && typeof element === 'object') {
            const entries = Object.entries(element as Record<string, unknown>);
            const named = entries.find(([k, v]) => NAME_KEYS.includes(normaliseKey(k)) && typeof v === 'string' && aliases.includes(normaliseKey(v)));
            if (named) {
              const rest = Object.fromEntries(entries.filter(([k]) => k !== named[0]));
              // `{"Name":"PSA"}` alone lists a granted area; with a value key, that value decides.
              found.push(Object.keys(rest).some((k) => VALUE_KEYS.includes(normaliseKey(k))) ? flagValue(rest) : true);
            } else {
              next.push(element);
            }
          }
        }
      } else if (node !== null && typeof node === 'object') {
        for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
          if (aliases.includes(normaliseKey(key))) found.push(flagValue(value));
          else if (value !== null && typeof value === 'object') next.push(value);
        }
      }
    }
    if (found.length > 0) return found.some(Boolean);
    level = next;
  }
  return false;
}

/**
 * A permission flag's value. Numbers: non-zero is granted (a level above 0 included). Strings: a
 * number, or a word from TRUE_WORDS. Objects: their value key (`Value`, `Enabled`, `Allowed`, ...);
 * without one, granted when they hold at least one flag and every flag is granted.
 */
function flagValue(value: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) && value !== 0;
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text) !== 0;
    return TRUE_WORDS.has(normaliseKey(text));
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    const valueEntry = entries.find(([k]) => VALUE_KEYS.includes(normaliseKey(k)));
    if (valueEntry) return flagValue(valueEntry[1], depth + 1);
    const flags = entries.filter(([, v]) => v !== null && v !== undefined);
    return flags.length > 0 && flags.every(([, v]) => flagValue(v, depth + 1));
  }
  return false;
}

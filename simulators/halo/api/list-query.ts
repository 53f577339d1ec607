import { haloError } from '../http-error';
import { HaloRecord } from '../state/entity-table';

/** Query parameters as ASP.NET binds them: a bad boolean or integer is a 400. */
export function booleanParam(query: URLSearchParams, name: string, fallback: boolean): boolean {
  return parseBoolean(name, findParam(query, name)) ?? fallback;
}

function parseBoolean(name: string, raw: string | undefined): boolean | undefined {
  const text = raw?.trim();
  if (text === undefined || text === '') return undefined;
  if (/^true$/i.test(text)) return true;
  if (/^false$/i.test(text)) return false;
  throw haloError(400, `The value '${raw}' is not valid for ${name}.`);
}

export function integerParam(query: URLSearchParams, name: string): number | undefined {
  const raw = findParam(query, name);
  if (raw === undefined || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) throw haloError(400, `The value '${raw}' is not valid for ${name}.`);
  return Number(raw);
}

export function stringParam(query: URLSearchParams, name: string): string | undefined {
  const raw = findParam(query, name);
  return raw === undefined || raw === '' ? undefined : raw;
}

/** Parameter names are not case-sensitive in ASP.NET binding. */
function findParam(query: URLSearchParams, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of query) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/**
 * Active records only, unless `includeinactive=true`; `includeactive=false` leaves them out.
 * `activeinactive=<active>,<inactive>` sets both at once (Halo's description: "the first sets
 * includeactive and the second sets includeinactive"); a value left empty keeps its default. How Halo
 * combines it with the two separate parameters is not documented: here `activeinactive` wins.
 */
export function filterActive<R extends HaloRecord>(records: R[], query: URLSearchParams): R[] {
  const [activeText, inactiveText] = (findParam(query, 'activeinactive') ?? '').split(',');
  const active = parseBoolean('activeinactive', activeText) ?? booleanParam(query, 'includeactive', true);
  const inactive = parseBoolean('activeinactive', inactiveText) ?? booleanParam(query, 'includeinactive', false);
  return records.filter((record) => (record.inactive === true ? inactive : active));
}

const DEFAULT_PAGE_SIZE = 50;

/**
 * `pageinate=true&page_size=&page_no=` (1-based) cuts a page; otherwise `count=N` caps the list.
 * Either way `record_count` is the number of records that matched.
 */
export function paginate<T>(records: T[], query: URLSearchParams): { recordCount: number; page: T[] } {
  if (booleanParam(query, 'pageinate', false)) {
    const size = integerParam(query, 'page_size') ?? DEFAULT_PAGE_SIZE;
    const number = integerParam(query, 'page_no') ?? 1;
    if (size < 1 || number < 1) throw haloError(400, 'page_size and page_no must be at least 1.');
    return { recordCount: records.length, page: records.slice((number - 1) * size, number * size) };
  }
  const count = integerParam(query, 'count');
  if (count !== undefined && count < 0) throw haloError(400, 'count must not be negative.');
  return { recordCount: records.length, page: count === undefined ? records : records.slice(0, count) };
}

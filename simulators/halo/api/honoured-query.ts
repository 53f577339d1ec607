import { undeclaredNames } from '../declared/declared-names';
import { HaloSettings } from '../state/halo-state';

/**
 * The query parameters the simulator acts on: all of them, or, with setting
 * `undeclaredQueryParameters: ignored`, only those Halo's OpenAPI document declares for the operation.
 */
export function honouredQuery(settings: HaloSettings, method: string, path: string, query: URLSearchParams): URLSearchParams {
  if (settings.undeclaredQueryParameters === 'honoured') return query;
  const undeclared = new Set(
    undeclaredNames(method, path, query, undefined)
      .filter((name) => name.startsWith('query:'))
      .map((name) => name.slice('query:'.length)),
  );
  return new URLSearchParams([...query].filter(([name]) => !undeclared.has(name)));
}

import { operationOf, undeclaredNames } from './declared-names';

/**
 * The names clients sent that Halo does not declare, distinct per operation (`"GET /Asset/{id}"`;
 * an undeclared operation under its lower-cased path, like RequestCounters).
 */
export class UndeclaredRequests {
  private readonly namesByOperation = new Map<string, Set<string>>();

  record(method: string, path: string, query: URLSearchParams, rawBody: Buffer): void {
    const names = undeclaredNames(method, path, query, parsedBody(rawBody));
    if (names.length === 0) return;
    const operation = operationOf(method, path) ?? `${method.toUpperCase()} ${path.toLowerCase()}`;
    const recorded = this.namesByOperation.get(operation) ?? new Set<string>();
    names.forEach((name) => recorded.add(name));
    this.namesByOperation.set(operation, recorded);
  }

  snapshot(): Record<string, string[]> {
    const entries = [...this.namesByOperation.entries()].map(([operation, names]): [string, string[]] => [operation, [...names].sort()]);
    return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.namesByOperation.clear();
  }
}

/** A body that is not JSON has no names to check (the simulator refuses it anyway). */
function parsedBody(rawBody: Buffer): unknown {
  if (rawBody.length === 0) return undefined;
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    return undefined;
  }
}

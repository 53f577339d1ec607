import table from '../../../docs/vendors/halo-declared-names.json';

/**
 * What a request sends that Halo's OpenAPI document does not declare for its operation, from the
 * table in docs/vendors (README there). Names compare case-insensitively, as ASP.NET binds them.
 */
interface DeclaredOperation {
  /** `"GET /Asset/{id}"`, as in the table. */
  key: string;
  method: string;
  segments: string[];
  query: Set<string>;
  body: Set<string>;
}

const OPERATIONS: DeclaredOperation[] = Object.entries(table)
  .map(([key, names]) => {
    const [method, path] = key.split(' ');
    return { key, method, segments: segmentsOf(path), query: lowerCased(names.query), body: lowerCased(names.body) };
  })
  // A literal segment wins over a path parameter (`/Agent/me` before `/Agent/{id}`).
  .sort((a, b) => parameterCount(a) - parameterCount(b));

/** The table's key of the operation a request addresses; undefined when the table has none. */
export function operationOf(method: string, path: string): string | undefined {
  return findOperation(method, path)?.key;
}

/** Whether the check applies: the test-control API and the OAuth token endpoint are not in the document. */
export function isCheckedPath(path: string): boolean {
  const lower = path.toLowerCase();
  return !lower.startsWith('/_sim') && !lower.startsWith('/auth/');
}

/**
 * `query:<name>` and `body:<name>` (each element of an array body; items of declared array
 * properties as `customfields[].<name>`) for every name the operation does not declare;
 * `["operation"]` for an operation the table does not have.
 */
export function undeclaredNames(method: string, path: string, query: URLSearchParams, body: unknown): string[] {
  if (!isCheckedPath(path)) return [];
  const operation = findOperation(method, path);
  if (!operation) return ['operation'];
  const names = [...new Set(query.keys())].filter((name) => !operation.query.has(name.toLowerCase())).map((name) => `query:${name}`);
  for (const element of Array.isArray(body) ? body : [body]) {
    names.push(...undeclaredBodyNames(operation.body, element).map((name) => `body:${name}`));
  }
  return [...new Set(names)];
}

function undeclaredBodyNames(declared: Set<string>, element: unknown): string[] {
  if (!isObject(element)) return [];
  const names: string[] = [];
  for (const [name, value] of Object.entries(element)) {
    if (!declared.has(name.toLowerCase())) names.push(name);
    else if (Array.isArray(value) && hasItemNames(declared, name)) {
      for (const item of value.filter(isObject)) {
        names.push(...Object.keys(item).map((key) => `${name}[].${key}`).filter((itemName) => !declared.has(itemName.toLowerCase())));
      }
    }
  }
  return names;
}

function findOperation(method: string, path: string): DeclaredOperation | undefined {
  const [root, ...segments] = segmentsOf(path);
  if (root?.toLowerCase() !== 'api') return undefined;
  return OPERATIONS.find((operation) => operation.method === method.toUpperCase() && matches(operation.segments, segments));
}

function matches(pattern: string[], actual: string[]): boolean {
  return pattern.length === actual.length && pattern.every((segment, i) => isParameter(segment) || segment.toLowerCase() === actual[i].toLowerCase());
}

function hasItemNames(declared: Set<string>, property: string): boolean {
  const prefix = `${property.toLowerCase()}[].`;
  return [...declared].some((name) => name.startsWith(prefix));
}

function parameterCount(operation: DeclaredOperation): number {
  return operation.segments.filter(isParameter).length;
}

function isParameter(segment: string): boolean {
  return segment.startsWith('{');
}

function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

function lowerCased(names: string[]): Set<string> {
  return new Set(names.map((name) => name.toLowerCase()));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

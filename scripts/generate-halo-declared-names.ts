import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../dev/project-paths';

/**
 * Writes docs/vendors/halo-declared-names.json (see docs/vendors/README.md): the query and body
 * names Halo's OpenAPI document declares for each operation the product uses or the simulator serves.
 */
export const HALO_OPENAPI_DOCUMENT = join(PROJECT_ROOT, 'docs', 'vendors', 'halopsa-openapi-subset.json');
export const HALO_DECLARED_NAMES_FILE = join(PROJECT_ROOT, 'docs', 'vendors', 'halo-declared-names.json');

/** First path segments of the operations kept: the simulator's entities, and the anonymous discovery. */
const CHECKED_ROOTS = ['Client', 'Site', 'Asset', 'AssetType', 'AssetGroup', 'FieldInfo', 'CustomButton', 'Tickets', 'Agent', 'AuthInfo'];
/** Array-of-object body properties whose items the product writes: their item names are listed too. */
const ITEM_CHECKED_PROPERTIES = ['customfields', 'fields'];
const VERBS = ['get', 'post', 'put', 'patch', 'delete'];

interface Schema {
  $ref?: string;
  type?: string;
  allOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
}

interface Parameter {
  $ref?: string;
  name: string;
  in: string;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas?: Record<string, Schema>; parameters?: Record<string, Parameter> };
}

export interface DeclaredNames {
  query: string[];
  body: string[];
}

/** `"GET /Asset/{id}"` → its declared names. */
export type DeclaredNamesTable = Record<string, DeclaredNames>;

export function declaredNamesTable(document: OpenApiDocument): DeclaredNamesTable {
  const rows: [string, DeclaredNames][] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    if (!CHECKED_ROOTS.includes(path.split('/')[1])) continue;
    for (const verb of VERBS.filter((v) => operations[v])) {
      const operation = operations[verb];
      rows.push([`${verb.toUpperCase()} ${path}`, { query: queryNames(document, operation), body: bodyNames(document, operation) }]);
    }
  }
  return Object.fromEntries(rows.sort(([a], [b]) => compareOperations(a, b)));
}

/** One operation per line, in a stable order. */
export function renderTable(table: DeclaredNamesTable): string {
  const lines = Object.entries(table).map(([operation, names]) => `  ${JSON.stringify(operation)}: ${JSON.stringify(names)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

function queryNames(document: OpenApiDocument, operation: Operation): string[] {
  const names = (operation.parameters ?? [])
    .map((parameter) => resolve(document, parameter))
    .filter((parameter) => parameter.in === 'query')
    .map((parameter) => parameter.name.toLowerCase());
  return sortedDistinct(names);
}

function bodyNames(document: OpenApiDocument, operation: Operation): string[] {
  const content = operation.requestBody?.content ?? {};
  const schema = (content['application/json'] ?? Object.values(content)[0])?.schema;
  if (!schema) return [];
  const properties = propertiesOf(document, schema);
  const names = Object.keys(properties);
  for (const name of ITEM_CHECKED_PROPERTIES.filter((n) => properties[n])) {
    const property = resolve(document, properties[name]);
    if (property.type === 'array' && property.items) names.push(...Object.keys(propertiesOf(document, property.items)).map((item) => `${name}[].${item}`));
  }
  return sortedDistinct(names);
}

/** The properties of a body element: an array's items, `$ref` and `allOf` followed. */
function propertiesOf(document: OpenApiDocument, schema: Schema): Record<string, Schema> {
  const resolved = resolve(document, schema);
  if (resolved.type === 'array' && resolved.items) return propertiesOf(document, resolved.items);
  const inherited = (resolved.allOf ?? []).map((part) => propertiesOf(document, part));
  return Object.assign({}, ...inherited, resolved.properties);
}

function resolve<T extends { $ref?: string }>(document: OpenApiDocument, node: T): T {
  if (!node.$ref) return node;
  const [, , section, name] = node.$ref.split('/');
  const target = (document.components as Record<string, Record<string, T> | undefined>)[section]?.[name];
  if (!target) throw new Error(`Unresolvable $ref ${node.$ref}`);
  return resolve(document, target);
}

function sortedDistinct(names: string[]): string[] {
  return [...new Set(names)].sort();
}

function compareOperations(a: string, b: string): number {
  const [verbA, pathA] = a.split(' ');
  const [verbB, pathB] = b.split(' ');
  if (pathA !== pathB) return pathA < pathB ? -1 : 1;
  return VERBS.indexOf(verbA.toLowerCase()) - VERBS.indexOf(verbB.toLowerCase());
}

export function readOpenApiDocument(file = HALO_OPENAPI_DOCUMENT): OpenApiDocument {
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
}

if (require.main === module) {
  writeFileSync(HALO_DECLARED_NAMES_FILE, renderTable(declaredNamesTable(readOpenApiDocument(process.argv[2]))));
  process.stdout.write(`Wrote ${HALO_DECLARED_NAMES_FILE}\n`);
}

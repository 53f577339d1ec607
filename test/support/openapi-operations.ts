/** The API's operations as its OpenAPI document (`/docs-json`) lists them, so tests cover new routes by themselves. */
export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  nullable?: boolean;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  method: string;
  /** OpenAPI path, with `{name}` placeholders. */
  path: string;
  parameters: Parameter[];
  /** The JSON request body's schema, `$ref` and `allOf` resolved. */
  body?: Schema;
  /** Whether it asks for a bearer credential. */
  secured: boolean;
  /** `METHOD /path`: a stable label. */
  id: string;
}

interface RawSchema extends Omit<Schema, 'properties' | 'items'> {
  $ref?: string;
  allOf?: RawSchema[];
  properties?: Record<string, RawSchema>;
  items?: RawSchema;
}

interface RawDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: RawSchema }> }; security?: unknown[] }>>;
  components?: { schemas?: Record<string, RawSchema> };
}

export async function fetchOperations(apiUrl: string): Promise<Operation[]> {
  const document = (await (await fetch(`${apiUrl}/docs-json`)).json()) as RawDocument;
  const schemas = document.components?.schemas ?? {};
  const resolve = (schema: RawSchema | undefined, depth = 0): Schema | undefined => {
    if (!schema || depth > 8) return undefined;
    if (schema.$ref) return resolve(schemas[schema.$ref.replace('#/components/schemas/', '')], depth + 1);
    const merged: RawSchema = { ...schema };
    for (const part of schema.allOf ?? []) Object.assign(merged, resolve(part, depth + 1));
    delete merged.allOf;
    const properties = merged.properties
      ? Object.fromEntries(Object.entries(merged.properties).map(([name, property]) => [name, resolve(property, depth + 1) ?? {}]))
      : undefined;
    return { ...merged, properties, items: resolve(merged.items, depth + 1) } as Schema;
  };
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const upper = method.toUpperCase();
      operations.push({
        method: upper,
        path,
        parameters: operation.parameters ?? [],
        body: resolve(operation.requestBody?.content?.['application/json']?.schema),
        secured: (operation.security ?? []).length > 0,
        id: `${upper} ${path}`,
      });
    }
  }
  return operations;
}

/** The path with each `{name}` replaced by `values[name]` as given (already encoded): a missing one throws, naming it. */
export function fillPath(operation: Operation, values: Record<string, string>): string {
  return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${operation.id}: no value for path parameter "${name}"; add one to the test`);
    return value;
  });
}

export function pathParameterNames(operation: Operation): string[] {
  return [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
}

import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { RecordedAnswer } from './answer-recorder';

/** The parts of an OpenAPI 3.0 document (/docs-json) that say what a route answers. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
  components?: { schemas?: Record<string, unknown> };
}

/** Answers without a body, or whose body is not the API's own (a redirect). */
const BODILESS = new Set([204, 302, 303]);

/** Checks answers of the documented API against their documented status codes and JSON schemas. */
export class DocumentedAnswerCheck {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly routes: { method: string; template: string; pattern: RegExp; parameters: number }[];

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema(document as object, 'openapi');
    this.routes = Object.entries(document.paths).flatMap(([template, operations]) =>
      Object.keys(operations).map((method) => ({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '[^/]+')}$`),
        parameters: (template.match(/\{/g) ?? []).length,
      })),
    );
  }

  /** What is wrong with the answer, or undefined when it matches (or its route is not in the document). */
  problemOf(answer: RecordedAnswer): string | undefined {
    const route = this.routeOf(answer.method, answer.path.split('?')[0]);
    if (!route) return undefined;
    const label = `${answer.method} ${route.template} answered ${answer.status}`;
    const response = this.document.paths[route.template][route.method.toLowerCase()].responses?.[String(answer.status)];
    if (!response) return `${label}: /docs does not document that status`;
    if (BODILESS.has(answer.status) || answer.json === undefined) return undefined;
    if (!response.content?.['application/json']?.schema) return `${label}: /docs gives that answer no JSON schema`;
    const validate = this.validator(route.template, route.method, answer.status);
    if (validate(answer.json)) return undefined;
    const errors = (validate.errors ?? []).slice(0, 5).map((error) => `${error.instancePath || '(body)'} ${error.message ?? ''}`.trim());
    return `${label}: the body does not match its schema: ${errors.join('; ')}`;
  }

  /** The most specific documented route: a literal segment wins over a parameter. */
  private routeOf(method: string, path: string) {
    return this.routes.filter((route) => route.method === method.toUpperCase() && route.pattern.test(path)).sort((a, b) => a.parameters - b.parameters)[0];
  }

  private validator(template: string, method: string, status: number): ValidateFunction {
    const pointer = ['paths', template, method.toLowerCase(), 'responses', String(status), 'content', 'application/json', 'schema']
      .map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/');
    const key = `openapi#/${pointer}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile({ $ref: key });
      this.validators.set(key, validate);
    }
    return validate;
  }
}

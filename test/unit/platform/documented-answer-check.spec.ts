import { DocumentedAnswerCheck, OpenApiDocument } from '../../support/documented-answer-check';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });

const document: OpenApiDocument = {
  paths: {
    '/api/v1/things/{id}': {
      get: {
        responses: {
          200: json({ type: 'object', properties: { id: { type: 'string' }, count: { type: 'integer', nullable: true } }, required: ['id', 'count'], additionalProperties: false }),
          404: json({ $ref: '#/components/schemas/ErrorAnswer' }),
        },
      },
    },
    '/api/v1/things/export': { get: { responses: { 200: json({ type: 'array', items: { type: 'string' } }) } } },
    '/api/v1/undescribed': { get: { responses: { 200: {} } } },
  },
  components: { schemas: { ErrorAnswer: { type: 'object', properties: { statusCode: { type: 'integer' }, message: { type: 'string' } }, required: ['statusCode', 'message'] } } },
} as OpenApiDocument;

const check = new DocumentedAnswerCheck(document);
const answer = (path: string, status: number, json: unknown) => check.problemOf({ baseUrl: 'http://api', method: 'GET', path, status, json });

describe('the check of recorded answers against /docs', () => {
  it('passes answers that match their documented status and schema, references included', () => {
    expect(answer('/api/v1/things/7?verbose=1', 200, { id: '7', count: null })).toBeUndefined();
    expect(answer('/api/v1/things/7', 404, { statusCode: 404, message: 'No thing 7.' })).toBeUndefined();
  });

  it('names the route, the status and what differs when a body does not match', () => {
    expect(answer('/api/v1/things/7', 200, { id: 7, count: 1, extra: true })).toMatch(/^GET \/api\/v1\/things\/\{id\} answered 200: the body does not match its schema: .*\/id must be string/);
    expect(answer('/api/v1/things/7', 404, { statusCode: 404 })).toMatch(/must have required property 'message'/);
  });

  it('refuses a status /docs does not list, and a JSON answer without a schema', () => {
    expect(answer('/api/v1/things/7', 409, { statusCode: 409, message: 'no' })).toBe('GET /api/v1/things/{id} answered 409: /docs does not document that status');
    expect(answer('/api/v1/undescribed', 200, { a: 1 })).toBe('GET /api/v1/undescribed answered 200: /docs gives that answer no JSON schema');
  });

  it('prefers a literal path segment over a parameter, and leaves routes outside /docs alone', () => {
    expect(answer('/api/v1/things/export', 200, ['a'])).toBeUndefined();
    expect(answer('/settings/session', 200, { anything: true })).toBeUndefined();
  });
});

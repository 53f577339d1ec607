import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorAnswer } from './http/openapi/error-answers';
import { API_KEY_SCHEME, apiKeyScheme, OPERATOR_TOKEN_SCHEME, operatorTokenScheme } from './http/openapi/security-schemes';

/** Serves the OpenAPI document as a page at /docs and as JSON at /docs-json. */
export function mountOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('HaloPSA integration service')
      .setDescription('Connects the Management Console to HaloPSA: setup, mappings, sync and removal.')
      .setVersion('1')
      .addBearerAuth(apiKeyScheme, API_KEY_SCHEME)
      .addBearerAuth(operatorTokenScheme, OPERATOR_TOKEN_SCHEME)
      .build(),
  );
  SwaggerModule.setup('docs', app, withAnswersEveryRouteGives(document), { jsonDocumentUrl: 'docs-json' });
}

/**
 * Answers any route may give before its handler runs: a body the JSON parser refuses (not JSON,
 * hostile keys) is 400, one over the size limit 413 (src/http/body-size-limit.ts), and every
 * /api/v1 route is behind the rate limit (src/http/rate-limit), 429.
 */
function withAnswersEveryRouteGives(document: OpenAPIObject): OpenAPIObject {
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const responses = operations[method]?.responses;
      if (!responses) continue;
      responses[400] ??= errorAnswer('The request body is not JSON, or holds a key or character no field accepts.');
      responses[413] = errorAnswer('The request body is larger than the API takes.');
      if (path.startsWith('/api/v1/')) responses[429] = errorAnswer("Too many requests from this key, operator or address: wait the Retry-After header's seconds.");
    }
  }
  return document;
}

function errorAnswer(description: string) {
  return { description, content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorAnswer) } } } };
}

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
  SwaggerModule.setup('docs', app, withRateLimitAnswers(document), { jsonDocumentUrl: 'docs-json' });
}

/** Every /api/v1 route is behind the rate limit (src/http/rate-limit), so each may answer 429. */
function withRateLimitAnswers(document: OpenAPIObject): OpenAPIObject {
  for (const [path, operations] of Object.entries(document.paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = operations[method];
      if (!operation) continue;
      operation.responses[429] = {
        description: 'Too many requests from this key, operator or address: wait the Retry-After header\'s seconds.',
        content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorAnswer) } } },
      };
    }
  }
  return document;
}

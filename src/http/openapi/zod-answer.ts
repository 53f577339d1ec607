import { ApiResponse, OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';

type SchemaObject = Exclude<NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string], { $ref: string }>;

/** The answer's schema for /docs: a Date is sent as its ISO 8601 string. */
export function openApiSchemaOf(schema: z.ZodType): SchemaObject {
  return z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    unrepresentable: 'any',
    override: (context) => {
      if (context.zodSchema._zod.def.type === 'date') Object.assign(context.jsonSchema, { type: 'string', format: 'date-time' });
    },
  }) as SchemaObject;
}

/** Documents a successful answer whose shape a zod schema gives (declared `satisfies z.ZodType<TheAnswer>`, so it follows the type). */
export function ApiAnswer(status: 200 | 201 | 202, schema: z.ZodType, description: string): MethodDecorator & ClassDecorator {
  return ApiResponse({ status, description, schema: openApiSchemaOf(schema) });
}

import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

/** The body of every error answer: Nest's own exceptions, the validation pipe, the vendor-error filter and the rate limit. */
export class ErrorAnswer {
  @ApiProperty({ example: 404, description: 'The HTTP status again.' })
  statusCode!: number;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    description: 'What is wrong and what to do; a refused request body lists every field that is wrong.',
  })
  message!: string | string[];

  @ApiPropertyOptional({ example: 'Not Found', description: "The status's name." })
  error?: string;
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429 | 502 | 503;

/** Documents the error answers of a route (or of every route of a controller), each with the shared body and why it happens there. */
export function ApiErrorAnswers(reasons: Partial<Record<ErrorStatus, string>>): MethodDecorator & ClassDecorator {
  const responses = Object.entries(reasons).map(([status, description]) =>
    ApiResponse({ status: Number(status), description, schema: { $ref: getSchemaPath(ErrorAnswer) } }),
  );
  return applyDecorators(ApiExtraModels(ErrorAnswer), ...responses);
}

import { ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, inner]) => key.includes('\u0000') || containsNul(inner, depth + 1));
}

/** Unknown fields are refused (not silently dropped), so a typo never passes as success; NUL characters are refused too (PostgreSQL cannot store them). */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (containsNul(value)) throw new BadRequestException(`The request ${metadata.type} contains a NUL character (\\u0000), which no field accepts.`);
    return super.transform(value, metadata);
  }
}

export function requestValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false });
}

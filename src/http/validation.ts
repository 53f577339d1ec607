import { ValidationPipe } from '@nestjs/common';

/** Unknown fields are refused (not silently dropped), so a typo never passes as success. */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false });
}

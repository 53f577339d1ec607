import { Transform } from 'class-transformer';

/**
 * A number given as a string ("12", as query strings and some clients send it) becomes that
 * number; any other value is left as it is for the validators to judge. Unlike `@Type(() => Number)`,
 * `true` does not become 1, nor `[]` 0.
 */
export function NumberFromString(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value));
}

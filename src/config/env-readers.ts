import { z } from 'zod';

export type Env = Record<string, string | undefined>;

/** Reads one variable with a zod schema; collects a problem naming the variable instead of throwing. */
export class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  read<T>(name: string, schema: z.ZodType<T>, fallback?: string): T {
    const raw = this.env[name] === undefined || this.env[name] === '' ? fallback : this.env[name];
    if (raw === undefined) {
      this.problems.push(`${name} is required`);
      return undefined as T;
    }
    const result = schema.safeParse(raw);
    if (!result.success) {
      this.problems.push(`${name}: ${result.error.issues.map((i) => i.message).join('; ')}`);
      return undefined as T;
    }
    return result.data;
  }
}

const wholeNumber = z.string().regex(/^\d+$/, 'must be a whole number').transform(Number);

export const port = wholeNumber.pipe(z.number().max(65535, 'must be a TCP port (0-65535)'));

export const positiveInt = wholeNumber.pipe(z.number().positive('must be positive'));

export const hostPort = z
  .string()
  .regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:7233');

export const postgresUrl = z
  .string()
  .refine((value) => {
    try {
      return ['postgres:', 'postgresql:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be a postgres:// URL');

export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

import { Scalar } from '../state/records';

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validation errors keyed by field path, answered as ASP.NET does: `{"[0].site_id": ["..."]}`. */
export class FieldErrors {
  private readonly byPath = new Map<string, string[]>();

  add(path: string, message: string): void {
    this.byPath.set(path, [...(this.byPath.get(path) ?? []), message]);
  }

  get isEmpty(): boolean {
    return this.byPath.size === 0;
  }

  toBody(): Record<string, string[]> {
    return Object.fromEntries(this.byPath);
  }
}

/**
 * Typed reads of one element of a POST body (or of a nested element such as a custom field). A
 * field that is absent or null reads as undefined; a field of the wrong type adds an error under
 * its path (`[0].site_id`) and also reads as undefined.
 */
export class ElementReader {
  constructor(
    readonly element: JsonObject,
    readonly prefix: string,
    private readonly errors: FieldErrors,
  ) {}

  path(key: string): string {
    return `${this.prefix}.${key}`;
  }

  has(key: string): boolean {
    return this.element[key] !== undefined && this.element[key] !== null;
  }

  fail(key: string, message: string): void {
    this.errors.add(this.path(key), message);
  }

  string(key: string): string | undefined {
    return this.read(key, 'a string', (value): value is string => typeof value === 'string');
  }

  integer(key: string): number | undefined {
    return this.read(key, 'an integer', (value): value is number => Number.isInteger(value));
  }

  number(key: string): number | undefined {
    return this.read(key, 'a number', (value): value is number => typeof value === 'number' && Number.isFinite(value));
  }

  boolean(key: string): boolean | undefined {
    return this.read(key, 'true or false', (value): value is boolean => typeof value === 'boolean');
  }

  scalar(key: string): Scalar | undefined {
    return this.read(key, 'a string, number or boolean', (value): value is Scalar =>
      ['string', 'number', 'boolean'].includes(typeof value),
    );
  }

  /** A text that must end up non-empty: sent now, or kept from `current` (undefined on a create). */
  requiredString(key: string, current: string | undefined): string {
    const sent = this.string(key);
    if (sent !== undefined && sent.trim() === '') this.fail(key, `The ${key} field must not be empty.`);
    else if (sent === undefined && current === undefined && !this.has(key)) this.fail(key, `The ${key} field is required.`);
    return sent?.trim() || current || '';
  }

  /** An integer that must be there: sent now, or kept from `current` (undefined on a create). */
  requiredInteger(key: string, current: number | undefined): number | undefined {
    const sent = this.integer(key);
    if (sent === undefined && current === undefined && !this.has(key)) this.fail(key, `The ${key} field is required.`);
    return sent ?? current;
  }

  /** A list of objects, each with its own reader (`[0].customfields[1]`). */
  list(key: string): ElementReader[] | undefined {
    const value = this.element[key];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      this.fail(key, 'The value must be a JSON array.');
      return undefined;
    }
    const readers: ElementReader[] = [];
    value.forEach((item, index) => {
      const path = `${this.path(key)}[${index}]`;
      if (isJsonObject(item)) readers.push(new ElementReader(item, path, this.errors));
      else this.errors.add(path, 'The value must be a JSON object.');
    });
    return readers;
  }

  private read<T>(key: string, expected: string, guard: (value: unknown) => value is T): T | undefined {
    const value = this.element[key];
    if (value === undefined || value === null) return undefined;
    if (guard(value)) return value;
    this.fail(key, `The JSON value could not be converted: expected ${expected}.`);
    return undefined;
  }
}

/**
 * Keys that reach an object's prototype when a parsed body is merged, copied or transformed into
 * a class (prototype pollution). Nothing in the API takes them, so a body naming one is refused
 * instead of having the key dropped silently.
 */
export const HOSTILE_JSON_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A JSON body used a hostile key; the JSON body parser answers it as a 400 with this message. */
export class HostileJsonKeyError extends Error {
  constructor(readonly key: string) {
    super(`Request body must not contain the key "${key}" (at any depth): it could reach the prototype of JavaScript objects`);
    this.name = 'HostileJsonKeyError';
  }
}

/**
 * `JSON.parse` reviver that throws `HostileJsonKeyError` at the first hostile key, at any depth
 * (inside arrays too). `JSON.parse` makes `"__proto__"` an own property, so the reviver sees it
 * like any other key. Values are not keys: `{"name": "__proto__"}` passes.
 */
export function refuseHostileJsonKeys(key: string, value: unknown): unknown {
  if (HOSTILE_JSON_KEYS.has(key)) throw new HostileJsonKeyError(key);
  return value;
}

import { HostileJsonKeyError, refuseHostileJsonKeys } from '../../../src/http/hostile-json-keys';

const parse = (text: string): unknown => JSON.parse(text, refuseHostileJsonKeys);

function refusal(text: string): HostileJsonKeyError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof HostileJsonKeyError) return error;
    throw error;
  }
  throw new Error(`${text} was accepted`);
}

describe('refuseHostileJsonKeys (the JSON body reviver)', () => {
  it.each([
    ['{"__proto__":{"polluted":"yes"},"name":"a"}', '__proto__'],
    ['{"constructor":{"prototype":{"polluted":"yes"}}}', 'prototype'],
    ['{"prototype":{"polluted":"yes"}}', 'prototype'],
    ['{"a":{"b":{"c":[1,{"d":{"__proto__":{}}}]}}}', '__proto__'],
    ['[{"__proto__":{"polluted":"yes"}}]', '__proto__'],
    ['{"quietWindow":{"constructor":1}}', 'constructor'],
    ['{"__proto__":null}', '__proto__'],
  ])('refuses %s, naming "%s"', (text, key) => {
    const error = refusal(text);
    expect(error.key).toBe(key);
    expect(error.message).toBe(`Request body must not contain the key "${key}" (at any depth): it could reach the prototype of JavaScript objects`);
  });

  it('pollutes nothing while refusing', () => {
    refusal('{"__proto__":{"polluted":"yes"}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts bodies that only mention those words as values or inside longer keys', () => {
    const text = '{"name":"__proto__","list":["constructor","prototype"],"constructorName":"x","my_prototype":{"proto":1},"__proto":2}';
    expect(parse(text)).toEqual(JSON.parse(text));
  });

  it('leaves ordinary JSON as JSON.parse reads it', () => {
    for (const text of ['{}', '[]', '{"a":[1,2,{"b":null}],"c":true}', '"text"', '42', 'null']) expect(parse(text)).toEqual(JSON.parse(text));
  });
});

import { BadRequestException } from '@nestjs/common';
import { parseConsoleEvent } from '../../../src/sync/console-event-body';

const body = (event: unknown): Buffer => Buffer.from(JSON.stringify(event));
const refusal = (event: unknown): string => {
  try {
    parseConsoleEvent(body(event));
  } catch (error) {
    if (error instanceof BadRequestException) return error.message;
    throw error;
  }
  throw new Error('the event was accepted');
};

describe('reading a Console event body', () => {
  const valid = { id: 'e-1', type: 'backup.completed', occurredAt: '2026-11-27T10:15:00.000Z', data: { ComputerHID: '{ABC-1}', Status: 'ok' } };

  it('takes a documented event, and fields it does not read', () => {
    expect(parseConsoleEvent(body(valid))).toEqual(valid);
    expect(parseConsoleEvent(body({ id: 'e-2', type: 'company.renamed', colour: 'blue' }))).toMatchObject({ id: 'e-2' });
    expect(parseConsoleEvent(body({ ...valid, occurredAt: '2026-11-27T10:15+01:00' })).occurredAt).toBe('2026-11-27T10:15+01:00');
  });

  it('refuses an occurredAt that is not an ISO 8601 date and time', () => {
    for (const occurredAt of [0, 1.5, true, [], {}, 'yesterday', '2026-11-27', '2026-13-45T99:99:00Z']) {
      expect(refusal({ ...valid, occurredAt })).toMatch(/"occurredAt" is an ISO 8601 date and time/);
    }
  });

  it('refuses data that is not an object, and a ComputerHID that cannot be one', () => {
    for (const data of [12, 'text', true, [], [1, 'a'], null]) expect(refusal({ ...valid, data })).toBe('An event "data" is an object.');
    expect(refusal({ ...valid, data: { ComputerHID: 12 } })).toMatch(/"data.ComputerHID" must be a string/);
  });

  it('refuses a body that is not JSON or has no id and type', () => {
    expect(() => parseConsoleEvent(Buffer.from('{"id":'))).toThrow('The event body is not JSON.');
    expect(refusal({ type: 'x' })).toMatch(/needs a string "id"/);
    expect(refusal(null)).toMatch(/needs a string "id"/);
  });
});

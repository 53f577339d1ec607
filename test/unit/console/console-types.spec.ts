import { parseConsoleDate } from '../../../src/console/console-types';

describe('parseConsoleDate', () => {
  it.each<[string | null | undefined, string | undefined]>([
    ['2025-03-19T10:26:47.703', '2025-03-19T10:26:47.703Z'],
    ['2025-03-19T10:26:47', '2025-03-19T10:26:47.000Z'],
    ['2025-03-19 10:26:47', '2025-03-19T10:26:47.000Z'],
    ['2025-03-19T10:26:47.7031234', '2025-03-19T10:26:47.703Z'],
    ['2025-03-19', '2025-03-19T00:00:00.000Z'],
    ['2025-03-19T10:26:47Z', '2025-03-19T10:26:47.000Z'],
    ['2025-03-19T12:26:47+02:00', '2025-03-19T10:26:47.000Z'],
    ['Wed, 19 Mar 2025 10:26:47 GMT', '2025-03-19T10:26:47.000Z'],
    ['not a date', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
  ])('reads %j as UTC', (value, expected) => {
    expect(parseConsoleDate(value)?.toISOString()).toBe(expected);
  });
});

import { HaloClient } from '../../../src/halo/halo-client';
import { customFieldValue } from '../../../src/halo/halo-entities';
import { SETTINGS } from './fake-fetch';

describe('customFieldValue', () => {
  const asset = (value: unknown, id = 301) => ({ customfields: [{ id: 300, name: 'CFOther', value: 'other' }, { id, name: 'CFComputerId', value }] });

  it('reads the value of the field with that id, as text', () => {
    expect(customFieldValue(asset('abc'), 301)).toBe('abc');
    expect(customFieldValue(asset(' abc '), 301)).toBe(' abc ');
    expect(customFieldValue(asset(42), 301)).toBe('42');
    expect(customFieldValue(asset(true), 301)).toBe('true');
    expect(customFieldValue(asset('abc'), 300)).toBe('other');
  });

  it('answers undefined when the field is missing, empty or not a scalar', () => {
    expect(customFieldValue(asset('abc'), 999)).toBeUndefined();
    expect(customFieldValue(asset(''), 301)).toBeUndefined();
    expect(customFieldValue(asset(null), 301)).toBeUndefined();
    expect(customFieldValue(asset({ id: 1 }), 301)).toBeUndefined();
    expect(customFieldValue({}, 301)).toBeUndefined();
    expect(customFieldValue({ customfields: null }, 301)).toBeUndefined();
  });

  it('is also a method of HaloClient', () => {
    expect(new HaloClient(SETTINGS).customFieldValue(asset('abc'), 301)).toBe('abc');
  });
});

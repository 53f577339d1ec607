import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsInt, validateSync } from 'class-validator';
import { NumberFromString } from '../../../src/http/number-from-string';

class Hours {
  @NumberFromString()
  @IsInt()
  hours!: unknown;
}

const read = (hours: unknown) => {
  const instance = plainToInstance(Hours, { hours });
  return { value: instance.hours, valid: validateSync(instance).length === 0 };
};

describe('NumberFromString', () => {
  it('takes a number, or a string holding one', () => {
    expect(read(12)).toEqual({ value: 12, valid: true });
    expect(read('12')).toEqual({ value: 12, valid: true });
  });

  it('leaves every other value for the validators to refuse (true is not 1, [] is not 0)', () => {
    for (const hours of [true, false, [], [1], {}, '', ' ', 'twelve', null]) {
      expect(read(hours)).toEqual({ value: hours, valid: false });
    }
  });
});

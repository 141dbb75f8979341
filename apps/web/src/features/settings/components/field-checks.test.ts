import { describe, expect, it } from 'vitest';
import { targetPercentError, wipLimitError, wipLimitOf } from './field-checks';

describe('WIP limit field', () => {
  it.each([1, 7, 999, '12'])('%s is a limit', (value) => {
    expect(wipLimitError(value)).toBeNull();
  });

  it('empty means no limit, not 0 and not 1', () => {
    expect(wipLimitOf('')).toBeNull();
    expect(wipLimitError('')).toBeNull();
  });

  it('0 is refused, never saved as a limit of 1', () => {
    expect(wipLimitError(0)).toBe('Must be at least 1; leave it empty for no limit');
    expect(wipLimitError('0')).toBe('Must be at least 1; leave it empty for no limit');
  });

  it.each([
    [-3, 'Must be at least 1; leave it empty for no limit'],
    [1000, 'Must be at most 999'],
    [2.5, 'Must be a whole number'],
    ['-', 'Must be a whole number from 1 to 999, or empty for no limit'],
  ])('%s is refused: %s', (value, message) => {
    expect(wipLimitError(value)).toBe(message);
  });
});

describe('target field (percent)', () => {
  it.each([0, 40, 37.5, 100, '55'])('%s %% is a target', (value) => {
    expect(targetPercentError(value)).toBeNull();
  });

  it('empty is not an error: there is nothing to save yet', () => {
    expect(targetPercentError('')).toBeNull();
  });

  it.each([150, 100.1, -1, '-'])('%s is refused in percent words', (value) => {
    expect(targetPercentError(value)).toBe('Must be between 0 and 100 %');
  });
});

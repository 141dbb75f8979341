import { describe, expect, it } from 'vitest';
import type { Change } from '@altitude/shared/insights';
import { changeOf, count, days, fractionInWords, hours, percent, pointsBetween } from './insight-format';

describe('numbers in insight sentences', () => {
  it('shares read as whole percentages with a space before the sign', () => {
    expect(percent(0.274)).toBe('27 %');
    expect(percent(0.4)).toBe('40 %');
    expect(percent(0)).toBe('0 %');
  });

  it('points are the difference of the percentages as shown, so the sentence adds up', () => {
    // 26.5 % shows as 27 %, so 40 % − 27 % must read 13 points, not 14
    expect(pointsBetween(0.4, 0.265)).toBe(13);
    expect(pointsBetween(0.34, 0.27)).toBe(7);
  });

  it('hours have one decimal under ten and none above', () => {
    expect(hours(72)).toBe('1.2 h');
    expect(hours(360)).toBe('6 h');
    expect(hours(2760)).toBe('46 h');
    expect(hours(70_620)).toBe('1,177 h');
  });

  it('fractions close to familiar ones are said in words', () => {
    expect(fractionInWords(0.74)).toBe('three quarters');
    expect(fractionInWords(0.5)).toBe('half');
    expect(fractionInWords(0.34)).toBe('a third');
    expect(fractionInWords(0.99)).toBe('nearly all');
    expect(fractionInWords(0.58)).toBe('58 %');
  });

  it('a change reads by its basis: a percentage, an absolute difference on a small base, or no earlier data', () => {
    const change = (basis: Change['basis'], value: number, previous: number | null, relative: number | null = null): Change => ({
      unit: 'minutes',
      basis,
      value,
      previous,
      difference: previous === null ? null : value - previous,
      relative,
    });
    expect(changeOf(change('relative', 252 * 60, 180 * 60, 0.4), hours)).toBe('rose 40 % (180 h to 252 h)');
    expect(changeOf({ ...change('relative', 30, 40, -0.25), unit: 'requests' }, String)).toBe('fell 25 % (40 to 30)');
    expect(changeOf(change('absolute', 480, 120), hours)).toBe('rose by 6 h (2 h to 8 h)');
    expect(changeOf(change('absolute', 720, 0), hours)).toBe('rose by 12 h (0 h to 12 h)');
    expect(changeOf(change('absolute', 300, 300), hours)).toBe('held at 5 h');
    expect(changeOf(change('no_earlier_data', 720, null), hours)).toBe('was 12 h, with no earlier data to compare');
  });

  it('counts agree with their noun', () => {
    expect(count(1, 'point')).toBe('1 point');
    expect(count(13, 'point')).toBe('13 points');
    expect(count(0, 'request')).toBe('0 requests');
  });

  it('days agree with the rounded number they show', () => {
    expect(days(1)).toBe('1 day');
    expect(days(0.96)).toBe('1 day');
    expect(days(1.04)).toBe('1 day');
    expect(days(1.5)).toBe('1.5 days');
    expect(days(0)).toBe('0 days');
    expect(days(12.34)).toBe('12.3 days');
  });
});

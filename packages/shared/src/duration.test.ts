import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration';

describe('a typed duration becomes whole minutes, or an error, never a guess', () => {
  const accepted: [string, number][] = [
    ['75', 75],
    ['75m', 75],
    ['75 min', 75],
    ['75 minutes', 75],
    ['1h 15m', 75],
    ['1h15m', 75],
    ['1 h 15 m', 75],
    ['1 hour 15 minutes', 75],
    ['1:15', 75],
    ['1.25h', 75],
    ['1,25h', 75],
    ['  1H 15M  ', 75],
    ['2h', 120],
    ['0.5h', 30],
    ['.5h', 30],
    ['1.1h', 66],
    ['0:45', 45],
    ['10:00', 600],
    ['1 hr', 60],
    ['3 hrs', 180],
    ['1h 90m', 150],
  ];
  it.each(accepted)('%j is %i minutes', (input, minutes) => {
    expect(parseDuration(input)).toEqual({ ok: true, minutes });
  });

  const refused: [string, RegExp][] = [
    ['', /enter a duration/],
    ['   ', /enter a duration/],
    ['1.5', /add a unit/],
    ['1,5', /add a unit/],
    ['1h 15', /write it as/],
    ['1:5', /write it as/],
    ['1:75', /write it as/],
    ['2d', /write it as/],
    ['-30m', /write it as/],
    ['abc', /write it as/],
    ['1h 15m 3s', /write it as/],
    ['m', /write it as/],
    ['h', /write it as/],
    ['1.33h', /whole minutes/],
    ['0', /more than 0/],
    ['0h', /more than 0/],
    ['0:00', /more than 0/],
  ];
  it.each(refused)('%j is refused', (input, message) => {
    const result = parseDuration(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('refuses more than the field allows, saying the limit in hours', () => {
    expect(parseDuration('24h', { max: 1440 })).toEqual({ ok: true, minutes: 1440 });
    expect(parseDuration('24h 1m', { max: 1440 })).toEqual({ ok: false, message: 'must be at most 24h' });
  });

  it('previews minutes the way the app writes them', () => {
    expect(formatDuration(45)).toBe('45m');
    expect(formatDuration(60)).toBe('1h');
    expect(formatDuration(75)).toBe('1h 15m');
  });
});

import { describe, expect, it } from 'vitest';
import { parseStrategicReserve } from './strategic-reserve';

describe('a strategic reserve as typed', () => {
  it('reads hours like the weekly hours', () => {
    expect(parseStrategicReserve('8', 2400)).toEqual({ ok: true, minutes: 480 });
    expect(parseStrategicReserve('7h 30m', 2400)).toEqual({ ok: true, minutes: 450 });
    expect(parseStrategicReserve('0', 2400)).toEqual({ ok: true, minutes: 0 });
  });
  it('reads a share of the week: 40 % of 40 h is 16 h, 12,5 % of 24 h is 3 h, 25% of 37h 30m rounds to 563 minutes', () => {
    expect(parseStrategicReserve('40%', 2400)).toEqual({ ok: true, minutes: 960 });
    expect(parseStrategicReserve(' 12,5 % ', 1440)).toEqual({ ok: true, minutes: 180 });
    // 2250 × 0.25 = 562.5, rounded half up.
    expect(parseStrategicReserve('25%', 2250)).toEqual({ ok: true, minutes: 563 });
    expect(parseStrategicReserve('100%', 1200)).toEqual({ ok: true, minutes: 1200 });
  });
  it('refuses more than the week, as hours or as a share', () => {
    expect(parseStrategicReserve('21', 1200)).toEqual({ ok: false, message: 'must be at most the weekly hours (20h)' });
    expect(parseStrategicReserve('120%', 1200)).toEqual({ ok: false, message: 'must be at most 100 % of the week' });
    expect(parseStrategicReserve('1', 0)).toEqual({ ok: false, message: 'must be at most the weekly hours (0h)' });
  });
  it('refuses what is not hours or a share', () => {
    expect(parseStrategicReserve('lots', 2400).ok).toBe(false);
    expect(parseStrategicReserve('%', 2400).ok).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { CapacityWeek } from './capacity';
import { dayAndMonth, freeInWeeks, reserveTradeOff, takesWithoutReserve, tradeOffMessage } from './reserve-trade-off';

// A full week: 40 h available (2400 min), 8 h reserve (480), so 32 h (1920) outside the reserve.
const week = (monday: string, tactical: number, strategic = 0, unclassified = 0): CapacityWeek => ({
  week: monday,
  availableMinutes: 2400,
  reserveMinutes: 480,
  committedStrategicMinutes: strategic,
  committedTacticalMinutes: tactical,
  committedUnclassifiedMinutes: unclassified,
});

describe('the reserve trade-off', () => {
  it('6 h of tactical work on top of 28 h spills 2 h into the reserve', () => {
    // Without: 28 h (1680) tactical fits in the 32 h outside. With 6 h more: 34 h, 2 h (120) past 32 h.
    const t = reserveTradeOff('Max', [week('2026-12-14', 1680)], [week('2026-12-14', 2040)]);
    expect(t).toEqual({
      weeks: [{ week: '2026-12-14', addedMinutes: 360, reserveTakenMinutes: 120 }],
      addedMinutes: 360,
      reserveTakenMinutes: 120,
      message: "6h of tactical work in the week of 14 Dec takes 2h of Max's strategic reserve",
    });
  });

  it('takes nothing when the work fits outside the reserve', () => {
    // 20 h + 6 h = 26 h, under 32 h.
    const t = reserveTradeOff('Max', [week('2026-12-14', 1200)], [week('2026-12-14', 1560)]);
    expect(t.reserveTakenMinutes).toBe(0);
    expect(t.addedMinutes).toBe(360);
    expect(t.message).toBeNull();
  });

  it('counts only the reserve strategic work leaves unused', () => {
    // Strategic 5 h (300) uses part of the 8 h reserve: 3 h (180) unused. Tactical 30 h → 40 h: spill
    // 40 h - 32 h = 8 h, but only 3 h of reserve is left to take; without, 30 h spilled nothing.
    const t = reserveTradeOff('Max', [week('2026-12-14', 1800, 300)], [week('2026-12-14', 2400, 300)]);
    expect(t.weeks).toEqual([{ week: '2026-12-14', addedMinutes: 600, reserveTakenMinutes: 180 }]);
  });

  it('counts only what the request adds when the reserve is already being eaten', () => {
    // Without: 33 h tactical spills 1 h (60). With 2 h more: 35 h spills 3 h (180): the request takes 2 h (120).
    const t = reserveTradeOff('Max', [week('2026-12-14', 1980)], [week('2026-12-14', 2100)]);
    expect(t.reserveTakenMinutes).toBe(120);
  });

  it('names the heaviest week and counts the others', () => {
    const without = [week('2026-12-07', 1900), week('2026-12-14', 1800), week('2026-12-21', 1000)];
    // Week of 7 Dec: +2 h → 1h 40m spill (100 of 1900+120-1920). Week of 14 Dec: +5 h → 3 h spill (180).
    // Week of 21 Dec: +1 h, fits.
    const withIt = [week('2026-12-07', 2020), week('2026-12-14', 2100), week('2026-12-21', 1060)];
    const t = reserveTradeOff('Max', without, withIt);
    expect(t.weeks).toEqual([
      { week: '2026-12-07', addedMinutes: 120, reserveTakenMinutes: 100 },
      { week: '2026-12-14', addedMinutes: 300, reserveTakenMinutes: 180 },
      { week: '2026-12-21', addedMinutes: 60, reserveTakenMinutes: 0 },
    ]);
    expect(t.addedMinutes).toBe(480);
    expect(t.reserveTakenMinutes).toBe(280);
    expect(t.message).toBe("5h of tactical work in the week of 14 Dec takes 3h of Max's strategic reserve (+ 1 more week, 4h 40m in all)");
  });

  it('names the earliest of equally heavy weeks and says "weeks" for more than one', () => {
    const msg = tradeOffMessage('Ana', [
      { week: '2027-01-04', addedMinutes: 90, reserveTakenMinutes: 60 },
      { week: '2027-01-11', addedMinutes: 120, reserveTakenMinutes: 60 },
      { week: '2027-01-18', addedMinutes: 45, reserveTakenMinutes: 30 },
    ]);
    expect(msg).toBe("1h 30m of tactical work in the week of 4 Jan takes 1h of Ana's strategic reserve (+ 2 more weeks, 2h 30m in all)");
  });

  it('leaves out weeks the request does not touch', () => {
    const t = reserveTradeOff('Max', [week('2026-12-07', 2000), week('2026-12-14', 0)], [week('2026-12-07', 2000), week('2026-12-14', 60)]);
    expect(t.weeks).toEqual([{ week: '2026-12-14', addedMinutes: 60, reserveTakenMinutes: 0 }]);
  });
});

describe('room for the request', () => {
  it('fits when every touched week keeps free time', () => {
    // 30 h + 2 h = 32 h: exactly the time outside the reserve, free 0.
    expect(takesWithoutReserve([week('2026-12-14', 1800)], [week('2026-12-14', 1920)])).toBe(true);
    // One minute more spills.
    expect(takesWithoutReserve([week('2026-12-14', 1800)], [week('2026-12-14', 1921)])).toBe(false);
  });
  it('ignores weeks the request does not touch, even over-committed ones', () => {
    expect(
      takesWithoutReserve([week('2026-12-07', 3000), week('2026-12-14', 0)], [week('2026-12-07', 3000), week('2026-12-14', 600)]),
    ).toBe(true);
  });
  it('sums the free time of the touched weeks, a negative week as nothing', () => {
    // Touched: week of 7 Dec free 1920 - 2000 = -80 → 0; week of 14 Dec free 1920 - 600 = 1320.
    const without = [week('2026-11-30', 0), week('2026-12-07', 2000), week('2026-12-14', 600)];
    const withIt = [week('2026-11-30', 0), week('2026-12-07', 2060), week('2026-12-14', 660)];
    expect(freeInWeeks(without, withIt)).toBe(1320);
  });
});

describe('week labels', () => {
  it('writes a day and a short month', () => {
    expect(dayAndMonth('2026-12-14')).toBe('14 Dec');
    expect(dayAndMonth('2027-01-04')).toBe('4 Jan');
  });
});

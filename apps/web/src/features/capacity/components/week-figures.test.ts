import { describe, expect, it } from 'vitest';
import type { CapacityWeek } from '@altitude/shared/capacity';
import { barParts, hoursText, summarize } from './week-figures';

const week = (over: Partial<CapacityWeek>): CapacityWeek => ({
  week: '2026-12-07',
  availableMinutes: 2400,
  reserveMinutes: 600,
  committedStrategicMinutes: 0,
  committedTacticalMinutes: 0,
  committedUnclassifiedMinutes: 0,
  ...over,
});

describe('a capacity cell', () => {
  it('writes hours to a tenth', () => {
    expect([hoursText(0), hoursText(180), hoursText(150), hoursText(24), hoursText(744)]).toEqual([
      '0 h',
      '3 h',
      '2.5 h',
      '0.4 h',
      '12.4 h',
    ]);
  });

  it('shows free time beside the reserve: 40 h, 10 h kept, 6 h strategic, 12 h tactical leave 18 h', () => {
    const w = week({ committedStrategicMinutes: 360, committedTacticalMinutes: 720 });
    expect(summarize(w)).toEqual({
      state: 'free',
      headline: '18 h free',
      details: '18 h free: available 40 h, reserve 10 h, strategic 6 h, tactical 12 h',
    });
    // Strategic 6 h of the 10 h reserve: 4 h kept; 40 − 10 − 12 = 18 free; the bar is exactly the week.
    expect(barParts(w)).toEqual({
      strategic: 360,
      reserveKept: 240,
      tactical: 720,
      unclassified: 0,
      free: 1080,
      total: 2400,
      availableEnd: 1,
    });
  });

  it('says how much reserve other work takes: 32 h tactical in a 40 h week with 10 h kept takes 2 h', () => {
    const w = week({ committedTacticalMinutes: 1920 });
    expect(summarize(w).headline).toBe('Takes 2 h of reserve');
    expect(summarize(w).state).toBe('reserve_taken');
    expect(barParts(w)).toMatchObject({ reserveKept: 480, tactical: 1920, free: 0, total: 2400 });
  });

  it('says by how much a week is over, and marks where the available time ends', () => {
    // 24 h available; 7.9 h strategic, 27 h tactical, 1.5 h unclassified: 36.4 h, over by 12.4 h.
    const w = week({
      availableMinutes: 1440,
      reserveMinutes: 360,
      committedStrategicMinutes: 474,
      committedTacticalMinutes: 1620,
      committedUnclassifiedMinutes: 90,
    });
    expect(summarize(w)).toMatchObject({ state: 'over', headline: 'Over by 12.4 h' });
    expect(summarize(w).details).toBe('Over by 12.4 h: available 24 h, reserve 6 h, strategic 7.9 h, tactical 27 h, unclassified 1.5 h');
    expect(barParts(w)).toEqual({
      strategic: 474,
      reserveKept: 0,
      tactical: 1620,
      unclassified: 90,
      free: 0,
      total: 2184,
      availableEnd: 1440 / 2184,
    });
  });

  it('says when a week has no working time (past, or a week of holidays)', () => {
    expect(summarize(week({ availableMinutes: 0, reserveMinutes: 0 })).headline).toBe('No working time');
  });
});

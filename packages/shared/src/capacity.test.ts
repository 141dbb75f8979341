import { describe, expect, it } from 'vitest';
import { capacityWeeks, freeMinutes, overCommittedMinutes, reserveTakenMinutes, spreadCommitment, type CapacityWeek } from './capacity';

// Calendar used below (checked against a wall calendar): 2026-11-30 and 2026-12-07 are Mondays,
// 2026-12-02 a Wednesday, 2026-12-05 a Saturday, 2027-01-29 a Friday.
const none = new Set<string>();
const wed = '2026-12-02';
const horizon = '2026-12-13'; // end of the week of 7 Dec

const spread = (remainingMinutes: number, until: string | null, today = wed, holidays: ReadonlySet<string> = none, end = horizon) =>
  Object.fromEntries(spreadCommitment({ remainingMinutes, reportClass: 'tactical', until }, today, end, holidays));

describe('committed load spreading', () => {
  it('spreads evenly over the working days from today through the date, skipping the weekend', () => {
    // Wed 2, Thu 3, Fri 4, Mon 7, Tue 8: five days, 600 / 5 = 120.
    expect(spread(600, '2026-12-08')).toEqual({
      '2026-12-02': 120,
      '2026-12-03': 120,
      '2026-12-04': 120,
      '2026-12-07': 120,
      '2026-12-08': 120,
    });
  });
  it('skips holidays: four days left take 150 each', () => {
    expect(spread(600, '2026-12-08', wed, new Set(['2026-12-04']))).toEqual({
      '2026-12-02': 150,
      '2026-12-03': 150,
      '2026-12-07': 150,
      '2026-12-08': 150,
    });
  });
  it('keeps whole minutes that add up exactly: the remainder goes to the earliest days', () => {
    // 602 over 5: 120 each and 2 left over, on Wed and Thu.
    expect(spread(602, '2026-12-08')).toEqual({
      '2026-12-02': 121,
      '2026-12-03': 121,
      '2026-12-04': 120,
      '2026-12-07': 120,
      '2026-12-08': 120,
    });
  });
  it('puts overdue, undated and due-today work on the first working day from today', () => {
    expect(spread(600, '2026-11-20')).toEqual({ '2026-12-02': 600 });
    expect(spread(600, null)).toEqual({ '2026-12-02': 600 });
    expect(spread(600, wed)).toEqual({ '2026-12-02': 600 });
    // Today a Saturday: the first working day is Monday the 7th.
    expect(spread(600, '2026-12-05', '2026-12-05')).toEqual({ '2026-12-07': 600 });
  });
  it('shares over every working day to a far date but shows only the days inside the horizon', () => {
    // Wed 2 Dec 2026 .. Fri 29 Jan 2027: 43 weekdays, 4300 / 43 = 100 a day; the horizon ends Sun 13 Dec.
    const days = spread(4300, '2027-01-29');
    expect(Object.keys(days)).toEqual([
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
      '2026-12-11',
    ]);
    expect(Object.values(days).every((m) => m === 100)).toBe(true);
  });
  it('commits nothing when nothing remains', () => {
    expect(spread(0, '2026-12-08')).toEqual({});
  });
});

describe('capacity weeks', () => {
  it('counts a part-timer’s remaining days, holidays, reserve in proportion and commitments by class', () => {
    // 20 h a week (1200 min, 240 a day), reserve 8 h (480, 96 a day); Tue 8 Dec a holiday; today Wed 2 Dec.
    const weeks = capacityWeeks(
      { weeklyMinutes: 1200, strategicReserveMinutes: 480, holidays: new Set(['2026-12-08']) },
      [
        { remainingMinutes: 300, reportClass: 'strategic', until: '2026-12-03' }, // Wed, Thu: 150 + 150
        { remainingMinutes: 900, reportClass: 'tactical', until: '2026-12-09' }, // Wed Thu Fri Mon Wed: 180 each
        { remainingMinutes: 100, reportClass: 'unclassified', until: null }, // today
      ],
      ['2026-11-30', '2026-12-07'],
      wed,
    );
    expect(weeks).toEqual([
      // Wed–Fri left: 3 × 240 = 720 available, 3 × 96 = 288 reserve; tactical 3 × 180.
      {
        week: '2026-11-30',
        availableMinutes: 720,
        reserveMinutes: 288,
        committedStrategicMinutes: 300,
        committedTacticalMinutes: 540,
        committedUnclassifiedMinutes: 100,
      },
      // Mon, Wed, Thu, Fri (Tue a holiday): 960 available, 384 reserve; tactical Mon + Wed.
      {
        week: '2026-12-07',
        availableMinutes: 960,
        reserveMinutes: 384,
        committedStrategicMinutes: 0,
        committedTacticalMinutes: 360,
        committedUnclassifiedMinutes: 0,
      },
    ]);
    // Week 1: 720 − max(288, 300) − 540 − 100 = −220, over by 940 − 720 = 220; week 2: 960 − 384 − 360 = 216.
    expect(weeks.map(freeMinutes)).toEqual([-220, 216]);
    expect(weeks.map(overCommittedMinutes)).toEqual([220, 0]);
  });
  it('gives past weeks no available time and someone with no working time nothing to reserve', () => {
    const [past, current] = capacityWeeks(
      { weeklyMinutes: 0, strategicReserveMinutes: 480, holidays: none },
      [],
      ['2026-11-23', '2026-11-30'],
      wed,
    );
    expect(past).toMatchObject({ availableMinutes: 0, reserveMinutes: 0 });
    expect(current).toMatchObject({ availableMinutes: 0, reserveMinutes: 0 });
  });
});

describe('a week of holidays and the turn of the year', () => {
  // Today Mon 21 Dec 2026; Mon 21..Fri 25 Dec all holidays (and Sat 26 Dec, a weekend day that
  // takes nothing away), Fri 1 Jan 2027 too. 28 Dec and 4 Jan 2027 are Mondays.
  const holidays = new Set(['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01']);
  const weeks = capacityWeeks(
    { weeklyMinutes: 2400, strategicReserveMinutes: 600, holidays },
    [
      // Its date falls in the holiday week, before the first working day (Mon 28 Dec): all due then.
      { remainingMinutes: 600, reportClass: 'tactical', until: '2026-12-24' },
      // Mon 28, Tue 29, Wed 30, Thu 31 Dec (1 Jan a holiday): 4 days × 150.
      { remainingMinutes: 600, reportClass: 'strategic', until: '2027-01-01' },
      // Those 4 and Mon 4, Tue 5 Jan: 6 days × 150, across the new year: 600 then 300.
      { remainingMinutes: 900, reportClass: 'unclassified', until: '2027-01-05' },
    ],
    ['2026-12-21', '2026-12-28', '2027-01-04'],
    '2026-12-21',
  );
  it('gives a week that is all holidays no time and no work; the next working day takes what was due', () => {
    expect(weeks).toEqual([
      {
        week: '2026-12-21',
        availableMinutes: 0,
        reserveMinutes: 0,
        committedStrategicMinutes: 0,
        committedTacticalMinutes: 0,
        committedUnclassifiedMinutes: 0,
      },
      // 4 working days: 4 × 480 = 1920 available, 4 × 120 = 480 reserve.
      {
        week: '2026-12-28',
        availableMinutes: 1920,
        reserveMinutes: 480,
        committedStrategicMinutes: 600,
        committedTacticalMinutes: 600,
        committedUnclassifiedMinutes: 600,
      },
      {
        week: '2027-01-04',
        availableMinutes: 2400,
        reserveMinutes: 600,
        committedStrategicMinutes: 0,
        committedTacticalMinutes: 0,
        committedUnclassifiedMinutes: 300,
      },
    ]);
    // Week of 28 Dec: 1800 committed in 1920; 1920 − max(480, 600) − 600 − 600 = 120 free.
    expect(weeks.map(freeMinutes)).toEqual([0, 120, 1500]);
    expect(weeks.map(overCommittedMinutes)).toEqual([0, 0, 0]);
  });
  it('spreads over the days across the new year, skipping the holidays', () => {
    expect(spread(900, '2027-01-05', '2026-12-21', holidays, '2027-01-10')).toEqual({
      '2026-12-28': 150,
      '2026-12-29': 150,
      '2026-12-30': 150,
      '2026-12-31': 150,
      '2027-01-04': 150,
      '2027-01-05': 150,
    });
  });
});

describe('reserve taken', () => {
  const week = (over: Partial<CapacityWeek>): CapacityWeek => ({
    week: '2026-12-07',
    availableMinutes: 2400,
    reserveMinutes: 960,
    committedStrategicMinutes: 0,
    committedTacticalMinutes: 0,
    committedUnclassifiedMinutes: 0,
    ...over,
  });
  it('is nothing while tactical work fits outside the reserve', () => {
    expect(reserveTakenMinutes(week({ committedTacticalMinutes: 1440 }))).toBe(0);
  });
  it('is what tactical work spills into the reserve strategic work has not used', () => {
    // Reserve 960, strategic 300: 660 unused; room outside the reserve 2400 − 960 = 1440; 1500 spills 60.
    expect(reserveTakenMinutes(week({ committedStrategicMinutes: 300, committedTacticalMinutes: 1500 }))).toBe(60);
    // 2400 tactical spills 960, but only 660 of the reserve is unused.
    expect(reserveTakenMinutes(week({ committedStrategicMinutes: 300, committedTacticalMinutes: 2400 }))).toBe(660);
    // Unclassified work counts like tactical: 1000 + 600 spill 160.
    expect(reserveTakenMinutes(week({ committedTacticalMinutes: 1000, committedUnclassifiedMinutes: 600 }))).toBe(160);
  });
  it('is nothing when strategic work already fills the reserve', () => {
    expect(reserveTakenMinutes(week({ committedStrategicMinutes: 1200, committedTacticalMinutes: 2000 }))).toBe(0);
  });
});

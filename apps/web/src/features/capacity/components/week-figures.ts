import { freeMinutes, overCommittedMinutes, reserveTakenMinutes, type CapacityWeek } from '@altitude/shared/capacity';

/** Minutes as hours the way the Capacity view writes them: "3 h", "2.5 h", "0.4 h". */
export const hoursText = (minutes: number) => `${(Math.round(minutes / 6) / 10).toLocaleString('en')} h`;

export type WeekState = 'no_time' | 'over' | 'reserve_taken' | 'free';

/** What a cell says about its week, and how it stands: the text is the point, colour only repeats it. */
export interface WeekSummary {
  state: WeekState;
  /** "12 h free", "Over by 3 h", "Takes 2 h of reserve", "No working time". */
  headline: string;
  /** Every figure of the week in one sentence, for the bar's accessible name and tooltip. */
  details: string;
}

/** Bar segments in order, as minutes: strategic work, the reserve still kept, tactical and unclassified work, free time. */
export interface BarParts {
  strategic: number;
  reserveKept: number;
  tactical: number;
  unclassified: number;
  free: number;
  /** Where the available time ends along the bar (0..1): below 1 when the week is over-committed. */
  availableEnd: number;
  total: number;
}

export function summarize(w: CapacityWeek): WeekSummary {
  const over = overCommittedMinutes(w);
  const taken = reserveTakenMinutes(w);
  const free = freeMinutes(w);
  const figures = [
    `available ${hoursText(w.availableMinutes)}`,
    `reserve ${hoursText(w.reserveMinutes)}`,
    `strategic ${hoursText(w.committedStrategicMinutes)}`,
    `tactical ${hoursText(w.committedTacticalMinutes)}`,
    ...(w.committedUnclassifiedMinutes > 0 ? [`unclassified ${hoursText(w.committedUnclassifiedMinutes)}`] : []),
  ];
  let state: WeekState;
  let headline: string;
  if (over > 0) {
    state = 'over';
    headline = `Over by ${hoursText(over)}`;
  } else if (taken > 0) {
    state = 'reserve_taken';
    headline = `Takes ${hoursText(taken)} of reserve`;
  } else if (w.availableMinutes === 0) {
    state = 'no_time';
    headline = 'No working time';
  } else {
    state = 'free';
    headline = `${hoursText(Math.max(0, free))} free`;
  }
  return { state, headline, details: `${headline}: ${figures.join(', ')}` };
}

export function barParts(w: CapacityWeek): BarParts {
  const strategic = w.committedStrategicMinutes;
  const tactical = w.committedTacticalMinutes;
  const unclassified = w.committedUnclassifiedMinutes;
  // The reserve strategic work has not filled, less what other work takes of it.
  const reserveKept = Math.max(0, w.reserveMinutes - strategic - reserveTakenMinutes(w));
  const free = Math.max(0, freeMinutes(w));
  const total = Math.max(w.availableMinutes, strategic + reserveKept + tactical + unclassified + free);
  return { strategic, reserveKept, tactical, unclassified, free, total, availableEnd: total > 0 ? w.availableMinutes / total : 0 };
}

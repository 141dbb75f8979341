import { reportClasses, type ReportClass } from '@altitude/shared/domain';
import type { Timesheet, TimesheetEntry } from '@altitude/shared/timesheet';

/** What a row shows of its request. */
export interface RowHead {
  requestId: number;
  requestKey: string;
  requestTitle: string;
  classification: ReportClass;
}

export interface SheetRow extends RowHead {
  /** The row's entries on each day, Monday..Sunday. */
  cells: TimesheetEntry[][];
  totalMinutes: number;
}

/**
 * The grid: one row per request with time in the week, strategic first (the order reports read
 * in), then rows the person added to fill a gap, which stay put even while still empty.
 */
export function weekRows(sheet: Timesheet, added: RowHead[]): SheetRow[] {
  const heads = new Map<number, RowHead>();
  for (const e of sheet.entries) heads.set(e.requestId, e);
  const logged = [...heads.values()].sort(
    (a, b) => reportClasses.indexOf(a.classification) - reportClasses.indexOf(b.classification) || a.requestId - b.requestId,
  );
  const extra = added.filter((h) => !heads.has(h.requestId));
  return [...logged, ...extra].map((head) => {
    const cells = sheet.days.map((d) => sheet.entries.filter((e) => e.requestId === head.requestId && e.date === d.date));
    return {
      requestId: head.requestId,
      requestKey: head.requestKey,
      requestTitle: head.requestTitle,
      classification: head.classification,
      cells,
      totalMinutes: cells.flat().reduce((sum, e) => sum + e.minutes, 0),
    };
  });
}

const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const at = (date: string) => new Date(`${date}T00:00:00Z`);

/** "Mon" and "9 Nov" for a calendar date (read in UTC, so no zone shifts the day). */
export const dayLabel = (date: string) => ({ weekday: weekday.format(at(date)), day: dayMonth.format(at(date)) });

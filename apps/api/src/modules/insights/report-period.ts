import { addDays, zonedDayStart } from '@altitude/shared/calendar';
import { resolvePeriod, type Period } from './rules/period';
import type { Queryable } from '../../db/client';
import { invalidInput } from '../../errors';
import { companyTimeZone, todayIn } from '../settings/company-clock';

/**
 * A period of company calendar dates, with the UTC instants that bound it: time entries carry
 * dates and compare with `from`/`to`; requests carry UTC timestamps and compare with
 * [`startAt`, `endAt`).
 */
export interface ReportPeriod extends Period {
  startAt: string;
  endAt: string;
  timeZone: string;
}

export function boundsOf(period: Period, timeZone: string): ReportPeriod {
  return { ...period, timeZone, startAt: zonedDayStart(period.from, timeZone), endAt: zonedDayStart(addDays(period.to, 1), timeZone) };
}

/** The period a report query asks for, defaults filled in; a 400 naming the parameter when it makes no sense. */
export function periodOf(db: Queryable, now: Date, query: { from?: string; to?: string }): ReportPeriod {
  const resolved = resolvePeriod(query, todayIn(db, now));
  if (!resolved.ok) {
    throw invalidInput(resolved.path, resolved.message);
  }
  return boundsOf(resolved.period, companyTimeZone(db));
}

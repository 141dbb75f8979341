import { addDays, dayNumber, mondayOf } from '@altitude/shared/calendar';
import { forecastToTarget, runRateWeeks, type Forecast } from '@altitude/shared/forecast';
import { quarterOf, quarterRange, type Quarter } from '@altitude/shared/quarter';
import type { Queryable } from '../../db/client';
import { invalidInput } from '../../errors';
import { todayIn } from '../settings/company-clock';
import { holidayDates } from '../working-time/availability.queries';
import { committedByClass, firstLoggedDate, loggedByDay } from './forecast.queries';
import { readTarget } from './targets.queries';

/**
 * The forecast for `quarter` (the current one in the company time zone when left out), as of
 * today. A quarter after the current one has no run rate or logged time to start from, so it is
 * refused (400 naming `quarter`); an earlier one answers its outcome (`forecastToTarget`).
 */
export function readForecast(db: Queryable, now: Date, quarter?: Quarter): Forecast {
  const today = todayIn(db, now);
  const current = quarterOf(today);
  const q = quarter ?? current;
  if (q > current) throw invalidInput('quarter', `must be the current quarter (${current}) or an earlier one`);
  const range = quarterRange(q);
  const soFar = { from: range.from, to: dayNumber(today) < dayNumber(range.to) ? today : range.to };
  const thisMonday = mondayOf(today);
  const runRate = { from: addDays(thisMonday, -7 * runRateWeeks), to: addDays(thisMonday, -1) };
  const holidaysFrom = runRate.from < range.from ? runRate.from : range.from;
  return forecastToTarget({
    quarter: q,
    today,
    target: readTarget(db, range),
    loggedByDay: loggedByDay(db, [soFar, runRate]),
    firstLoggedDate: firstLoggedDate(db),
    openRequests: committedByClass(db, range.to),
    holidays: holidayDates(db, { from: holidaysFrom, to: range.to }),
  });
}

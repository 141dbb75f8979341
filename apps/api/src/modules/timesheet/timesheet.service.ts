import type { SessionUser } from '@altitude/shared/auth';
import { addDays, mondayOf } from '@altitude/shared/calendar';
import { reportClassOf, type ReportClass } from '@altitude/shared/domain';
import { requestKey } from '@altitude/shared/requests';
import type { Timesheet, TimesheetQuery } from '@altitude/shared/timesheet';
import { availableMinutes } from '@altitude/shared/working-time';
import type { Queryable } from '../../db/client';
import { notFound } from '../../errors';
import { todayIn } from '../settings/company-clock';
import { othersTimesheet } from './timesheet.errors';
import { entriesOf, findPerson, holidaysIn } from './timesheet.queries';

/**
 * One person's Monday..Sunday week: their entries, the working time the week gives them and the
 * gap between the two. A marketer reads their own week only (asking for anyone else is a 403
 * before the id is looked up, so it tells nothing about who exists); a lead reads anyone's.
 */
export function readTimesheet(db: Queryable, actor: SessionUser, query: TimesheetQuery, now: Date): Timesheet {
  const userId = query.userId ?? actor.id;
  if (userId !== actor.id && actor.role !== 'lead') throw othersTimesheet();
  const person = findPerson(db, userId);
  if (!person) throw notFound('user');

  const from = mondayOf(query.week ?? todayIn(db, now));
  const to = addDays(from, 6);
  const holidays = holidaysIn(db, { from, to });
  const holidayDates = holidays.map((h) => h.date);
  const available = availableMinutes(person.weeklyMinutes, from, to, holidayDates);

  const entries = entriesOf(db, userId, { from, to }).map(({ classificationSuggested, classification, ...e }) => ({
    ...e,
    requestKey: requestKey(e.requestId),
    classification: reportClassOf({ classification, classificationSuggested }),
  }));
  const classes: Record<ReportClass, number> = { strategic: 0, tactical: 0, unclassified: 0 };
  for (const e of entries) classes[e.classification] += e.minutes;
  const logged = entries.reduce((sum, e) => sum + e.minutes, 0);

  const days = Array.from({ length: 7 }, (_, i) => {
    const date = addDays(from, i);
    return {
      date,
      loggedMinutes: entries.filter((e) => e.date === date).reduce((sum, e) => sum + e.minutes, 0),
      // Differences of the running total, so the days add up to the week's figure even when a
      // daily share is not a whole number of minutes.
      availableMinutes:
        availableMinutes(person.weeklyMinutes, from, date, holidayDates) -
        (i === 0 ? 0 : availableMinutes(person.weeklyMinutes, from, addDays(date, -1), holidayDates)),
      holiday: holidays.find((h) => h.date === date)?.name ?? null,
    };
  });

  return {
    userId,
    from,
    to,
    availableMinutes: available,
    loggedMinutes: logged,
    gapMinutes: available - logged,
    days,
    classes,
    holidays,
    entries,
  };
}

import { z } from 'zod';
import { TimeEntry } from './activity';
import { DateInput, Id, IsoDate, ReportClass } from './domain';
import { Holiday } from './working-time';

/**
 * The week timesheet's contract (the feature is "timesheet" on every tier): one person's time
 * entries over a Monday..Sunday week, with the week's working time, so the gap between logged and
 * available time is plain.
 */

export const TimesheetQuery = z.object({
  week: DateInput.optional().describe('Any day of the week (Monday..Sunday) to show; defaults to today in the company time zone'),
  userId: Id.optional().describe('Whose week: a marketer may ask only for their own; leads for anyone. Defaults to the caller'),
});
export type TimesheetQuery = z.infer<typeof TimesheetQuery>;

/** A time entry with what the grid shows of its request; `classification` is the class reports count it in. */
export const TimesheetEntry = TimeEntry.extend({
  requestKey: z.string(),
  requestTitle: z.string(),
  classification: ReportClass,
});
export type TimesheetEntry = z.infer<typeof TimesheetEntry>;

const minutes = z.number().int();

export const TimesheetDay = z.object({
  date: IsoDate,
  /** Minutes logged on the day. */
  loggedMinutes: minutes,
  /** The person's working time that day: 0 on a weekend or a company holiday. */
  availableMinutes: minutes,
  /** The company holiday's name, or null. */
  holiday: z.string().nullable(),
});
export type TimesheetDay = z.infer<typeof TimesheetDay>;

export const Timesheet = z.object({
  userId: z.number().int(),
  /** The week's Monday. */
  from: IsoDate,
  /** The week's Sunday. */
  to: IsoDate,
  /** The person's weekly minutes spread over the week's working days (Monday..Friday, company holidays excluded). */
  availableMinutes: minutes,
  loggedMinutes: minutes,
  /** Available minus logged: what is still unaccounted for (negative when more was logged than available). */
  gapMinutes: minutes,
  /** Monday..Sunday, in order. */
  days: z.array(TimesheetDay),
  /** Minutes per report class (strategic, tactical, unclassified), as Insights counts them. */
  classes: z.object({ strategic: minutes, tactical: minutes, unclassified: minutes }),
  holidays: z.array(Holiday),
  /** By date, then by request, then by entry id. */
  entries: z.array(TimesheetEntry),
});
export type Timesheet = z.infer<typeof Timesheet>;

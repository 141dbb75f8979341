/**
 * Calendar dates (`YYYY-MM-DD`) as plain strings: reports count days, weeks and quarters in
 * the company's time zone, so dates never pass through a local `Date` that would shift them.
 */

const dayMs = 86_400_000;
const ymd = /^\d{4}-\d{2}-\d{2}$/;
/** Day numbers of 0000-01-01 and 9999-12-31: the dates a four-digit YYYY-MM-DD can name. */
const firstDayNumber = Date.parse('0000-01-01T00:00:00Z') / dayMs;
const lastDayNumber = Date.parse('9999-12-31T00:00:00Z') / dayMs;

/**
 * Days since 1970-01-01 for a calendar date. Only real YYYY-MM-DD dates have one: anything else
 * (2026-02-30, `+010000-01-01`, a timestamp) is a RangeError, never a guess that a loop could
 * chase past the end of the calendar.
 */
export function dayNumber(date: string): number {
  const n = Date.parse(`${date}T00:00:00Z`) / dayMs;
  if (!ymd.test(date) || !Number.isInteger(n) || dateOfDayNumber(n) !== date)
    throw new RangeError(`not a calendar date YYYY-MM-DD: ${JSON.stringify(date)}`);
  return n;
}

/** The calendar date of a day number; a RangeError outside 0000-01-01..9999-12-31, which YYYY-MM-DD cannot write. */
export function dateOfDayNumber(n: number): string {
  if (!Number.isInteger(n) || n < firstDayNumber || n > lastDayNumber) throw new RangeError(`day ${n} is outside the years 0000-9999`);
  return new Date(n * dayMs).toISOString().slice(0, 10);
}

export const addDays = (date: string, days: number): string => dateOfDayNumber(dayNumber(date) + days);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** The Monday on or before `date`: weeks start on Monday. */
export function mondayOf(date: string): string {
  const n = dayNumber(date);
  // 1970-01-01 was a Thursday, three days after a Monday.
  const sinceMonday = (((n + 3) % 7) + 7) % 7;
  return dateOfDayNumber(n - sinceMonday);
}

/** The most weeks `weekStarts` lists: a century and a bit, more than any accepted period spans. */
export const maxWeeks = 5300;

/**
 * The Monday of every week that overlaps `from`..`to`, in order (none when `to` is before
 * `from`). The number of weeks is counted from day numbers before the loop starts, so the loop
 * is bounded by construction; more than `maxWeeks` is a RangeError rather than a huge answer.
 */
export function weekStarts(from: string, to: string): string[] {
  const first = dayNumber(mondayOf(from));
  const last = dayNumber(to);
  if (last < dayNumber(from)) return [];
  const count = Math.floor((last - first) / 7) + 1;
  if (count > maxWeeks) throw new RangeError(`${from}..${to} spans ${count} weeks, more than ${maxWeeks}`);
  return Array.from({ length: count }, (_, i) => dateOfDayNumber(first + 7 * i));
}

/** The first day of the quarter holding `date`: targets are set per quarter. */
export function quarterStartOf(date: string): string {
  dayNumber(date); // a RangeError for anything but a calendar date
  const month = Number(date.slice(5, 7));
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return `${date.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock time in `timeZone` at `instant`, expressed as if it were UTC milliseconds. */
export function wallClockMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour) % 24,
    Number(parts.minute),
    Number(parts.second),
  );
}

/** The calendar date in `timeZone` at an instant. */
export function dateIn(instant: Date, timeZone: string): string {
  return new Date(wallClockMs(instant.getTime(), timeZone)).toISOString().slice(0, 10);
}

/**
 * The instant (ISO 8601, UTC) at which `date` begins in `timeZone`. Stored timestamps are UTC,
 * so a period of company dates becomes the half-open range [start of `from`, start of `to` + 1).
 * Where a daylight-saving change skips midnight, the day begins at the change.
 */
export function zonedDayStart(date: string, timeZone: string): string {
  const key = `${timeZone} ${date}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    start = dayStartOf(date, timeZone);
    if (dayStarts.size >= maxDayStarts) dayStarts.clear();
    dayStarts.set(key, start);
  }
  return start;
}

/*
 * Day starts already worked out, by zone and date. Each costs four Intl conversions, and a report
 * asks for hundreds (a year of weekly throughput bounds every week) on every read; the answer
 * depends on the date and zone alone, so it is kept. Bounded: cleared when full.
 */
const dayStarts = new Map<string, string>();
const maxDayStarts = 20_000;

function dayStartOf(date: string, timeZone: string): string {
  const wall = dayNumber(date) * dayMs;
  const first = wall - (wallClockMs(wall, timeZone) - wall);
  const second = wall - (wallClockMs(first, timeZone) - first);
  // Of the two guesses, the earliest one that already falls on `date` is the day's start.
  const onDate = [first, second].filter((c) => new Date(wallClockMs(c, timeZone)).toISOString().slice(0, 10) === date);
  return new Date(Math.min(...(onDate.length ? onDate : [Math.max(first, second)]))).toISOString();
}

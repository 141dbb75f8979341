import { dateOfDayNumber, dayNumber, wallClockMs } from './calendar';

/**
 * The business clock service levels run on: Monday to Friday minus company holidays, 09:00 to
 * 17:00 on the company's wall clock. One owner for the API (a request's `expectedBy` at filing,
 * its SLA state at every read) and the web (the "Expected by" the new-request form shows before
 * filing), so the date a requester is promised is the date the server keeps.
 *
 * Wall-clock minutes are counted, so a daylight-saving change neither adds nor removes business
 * time: 09:00–17:00 is eight hours on the day the clocks move, as people experience it.
 */
export const businessDayStartMinute = 9 * 60;
export const businessDayEndMinute = 17 * 60;
export const businessMinutesPerDay = businessDayEndMinute - businessDayStartMinute;
/** The longest turnaround a request type may promise, in business days. */
export const maxTurnaroundDays = 365;
/** The longest first-response target, in business hours. */
export const maxFirstResponseHours = 400;

const dayMs = 86_400_000;
const minuteMs = 60_000;
const quarterHourMs = 15 * minuteMs;
/** About three years of quarter hours: a bound on memory, cleared and refilled past it. */
const maxCachedOffsets = 100_000;

/** Monday = 0 … Sunday = 6; day numbers count from a Thursday (1970-01-01). */
const sinceMonday = (n: number): number => (((n + 3) % 7) + 7) % 7;

/** A moment on the company's wall clock: its calendar day number and minute of that day. */
export interface WallTime {
  day: number;
  minute: number;
}

export class BusinessCalendar {
  /** Weekday holidays as sorted day numbers: weekend holidays change nothing. */
  private readonly holidayDays: number[];
  private readonly holidaySet: Set<number>;

  constructor(
    readonly timeZone: string,
    holidays: Iterable<string> = [],
  ) {
    const days = new Set<number>();
    for (const date of holidays) {
      const n = dayNumber(date);
      if (sinceMonday(n) < 5) days.add(n);
    }
    this.holidaySet = days;
    this.holidayDays = [...days].sort((a, b) => a - b);
  }

  isBusinessDay(date: string): boolean {
    return this.isBusinessDayNumber(dayNumber(date));
  }

  private isBusinessDayNumber(n: number): boolean {
    return sinceMonday(n) < 5 && !this.holidaySet.has(n);
  }

  /** Holidays (on weekdays) with day numbers below `n`: a binary search, so no loop over the list. */
  private holidaysBefore(n: number): number {
    let lo = 0;
    let hi = this.holidayDays.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.holidayDays[mid]! < n) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Business days among day numbers `first`..`last` (both included); 0 when `last < first`. */
  businessDaysInDayNumbers(first: number, last: number): number {
    if (last < first) return 0;
    const weekdaysBefore = (n: number) => {
      // Weekdays among day numbers [k, n) for a fixed Monday k: whole weeks and the rest.
      const fromMonday = n - sinceMonday(n);
      return Math.floor(fromMonday / 7) * 5 + Math.min(sinceMonday(n), 5);
    };
    const weekdays = weekdaysBefore(last + 1) - weekdaysBefore(first);
    return weekdays - (this.holidaysBefore(last + 1) - this.holidaysBefore(first));
  }

  /**
   * The `n`-th business day after `date` (`date` itself never counts, whatever the hour a request
   * was filed): Friday + 1 is Monday, the day before a holiday + 1 skips it. `n` is 0..365.
   */
  addBusinessDays(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 0 || n > maxTurnaroundDays) throw new RangeError(`business days must be 0..${maxTurnaroundDays}`);
    let day = dayNumber(date);
    // Each step skips at most a weekend plus the holidays in it; bounded by the holiday count.
    const cap = n * 3 + this.holidayDays.length + 7;
    for (let remaining = n, steps = 0; remaining > 0; steps++) {
      if (steps > cap) throw new RangeError('business-day search did not end');
      day += 1;
      if (this.isBusinessDayNumber(day)) remaining -= 1;
    }
    return dateOfDayNumber(day);
  }

  /**
   * The zone's offset (wall clock minus UTC) per quarter hour of UTC. Since 2000 every zone changes
   * its offset on a quarter hour of UTC (offsets are whole quarter hours, changes happen on the
   * local hour), so one Intl call answers for the whole quarter hour. Without it every SLA state
   * cost several Intl calls, about 30 µs a card: 150 ms on a board of 5,000.
   */
  private readonly offsets = new Map<number, number>();
  /** The offset of each UTC day that has one all day long (almost all), or NaN when it changes that day. */
  private readonly dayOffsets = new Map<number, number>();

  private offsetAt(start: number): number {
    return wallClockMs(start, this.timeZone) - start;
  }

  private wallMs(ms: number): number {
    const utcDay = Math.floor(ms / dayMs);
    let offset = this.dayOffsets.get(utcDay);
    if (offset === undefined) {
      if (this.dayOffsets.size >= maxCachedOffsets) this.dayOffsets.clear();
      // A day's first and last quarter hours agree when the offset does not change that day (a change is never undone the same day).
      const first = this.offsetAt(utcDay * dayMs);
      offset = first === this.offsetAt((utcDay + 1) * dayMs - quarterHourMs) ? first : Number.NaN;
      this.dayOffsets.set(utcDay, offset);
    }
    if (!Number.isNaN(offset)) return ms + offset;
    const quarter = Math.floor(ms / quarterHourMs);
    let exact = this.offsets.get(quarter);
    if (exact === undefined) {
      if (this.offsets.size >= maxCachedOffsets) this.offsets.clear();
      exact = this.offsetAt(quarter * quarterHourMs);
      this.offsets.set(quarter, exact);
    }
    return ms + exact;
  }

  /** The company's wall clock at an instant (ISO 8601 string or Date). */
  wallTime(instant: string | Date): WallTime {
    const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
    if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
    const wall = this.wallMs(ms);
    const day = Math.floor(wall / dayMs);
    return { day, minute: Math.floor((wall - day * dayMs) / minuteMs) };
  }

  /** Business minutes between two wall-clock moments (0 when `to` is not after `from`). */
  minutesBetweenWall(from: WallTime, to: WallTime): number {
    if (to.day < from.day || (to.day === from.day && to.minute <= from.minute)) return 0;
    const within = (minute: number) => Math.min(Math.max(minute, businessDayStartMinute), businessDayEndMinute) - businessDayStartMinute;
    if (from.day === to.day) return this.isBusinessDayNumber(from.day) ? within(to.minute) - within(from.minute) : 0;
    const first = this.isBusinessDayNumber(from.day) ? businessMinutesPerDay - within(from.minute) : 0;
    const last = this.isBusinessDayNumber(to.day) ? within(to.minute) : 0;
    return first + this.businessDaysInDayNumbers(from.day + 1, to.day - 1) * businessMinutesPerDay + last;
  }

  /** Business minutes between two instants. */
  minutesBetween(from: string | Date, to: string | Date): number {
    return this.minutesBetweenWall(this.wallTime(from), this.wallTime(to));
  }

  /** The calendar date, in the company's zone, of an instant. */
  dateOf(instant: string | Date): string {
    return dateOfDayNumber(this.wallTime(instant).day);
  }
}

/**
 * The date a request filed at `filedAt` is expected by: the `turnaroundDays`-th business day
 * after its filing date, due at the close of that business day (17:00).
 */
export const expectedByFor = (filedAt: string | Date, turnaroundDays: number, calendar: BusinessCalendar): string =>
  calendar.addBusinessDays(calendar.dateOf(filedAt), turnaroundDays);

/** A rush: the requester needs it before the type's turnaround can deliver it. */
export const isRush = (neededBy: string | null | undefined, expectedBy: string): boolean => !!neededBy && neededBy < expectedBy;

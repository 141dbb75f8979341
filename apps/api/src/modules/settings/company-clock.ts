import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { settings } from '../../db/schema';

/** The company's time zone (a setting, default UTC): calendar dates are read in it. */
export function companyTimeZone(db: Queryable): string {
  return db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'timezone')).get()?.value ?? 'UTC';
}

// One formatter per zone: building an Intl.DateTimeFormat costs far more than using one.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Today's date, YYYY-MM-DD, in the company's time zone. */
export function todayIn(db: Queryable, now: Date): string {
  const zone = companyTimeZone(db);
  let format = formatters.get(zone);
  if (!format)
    formatters.set(
      zone,
      (format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })),
    );
  return format.format(now);
}

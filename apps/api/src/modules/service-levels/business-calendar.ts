import { asc } from 'drizzle-orm';
import { BusinessCalendar } from '@altitude/shared/business-time';
import type { Queryable } from '../../db/client';
import { holidays } from '../../db/schema';
import { companyTimeZone } from '../settings/company-clock';

/**
 * The company's business calendar (time zone + holidays), read once per database and kept until
 * a lead changes either: every request read computes its SLA state with it, so it must not cost
 * a query per card. The cache is keyed by the SQLite connection, which a transaction shares.
 */
const cache = new WeakMap<object, BusinessCalendar>();

const connectionOf = (db: Queryable): object => (db as unknown as { session: { client: object } }).session.client;

export function businessCalendar(db: Queryable): BusinessCalendar {
  const key = connectionOf(db);
  let calendar = cache.get(key);
  if (!calendar) {
    const dates = db.select({ date: holidays.date }).from(holidays).orderBy(asc(holidays.date)).all();
    calendar = new BusinessCalendar(
      companyTimeZone(db),
      dates.map((d) => d.date),
    );
    cache.set(key, calendar);
  }
  return calendar;
}

/** Call after writing holidays or the time zone (inside or after the write). */
export function forgetBusinessCalendar(db: Queryable): void {
  cache.delete(connectionOf(db));
}

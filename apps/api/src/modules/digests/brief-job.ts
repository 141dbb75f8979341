import { addDays, dateIn, quarterStartOf } from '@altitude/shared/calendar';
import type { Queryable } from '../../db/client';
import { readHeadline } from '../insights/headline.service';
import { readInsights } from '../insights/insights.service';
import { boundsOf } from '../insights/report-period';
import { hidesPeople } from '../settings/board-view';
import { companyTimeZone } from '../settings/company-clock';
import { briefMail, type BriefFacts } from './brief-mail';
import { recordSlot, slotRan, type JobContext } from './job-context';
import { channelNow, insightReaders } from './mail-rows.queries';
import { latestWeeklySlot } from './schedule-slots';
import { unsubscribeUrl } from './unsubscribe-links';

/**
 * The figures of a brief for the week before `monday`: the headline of that week and of the
 * quarter so far (the same service as the Insights page), and the ranked insights of the last four
 * full weeks (the page's default length). `hidePeople`: the board view, for readers who are not leads.
 */
export function briefFacts(db: Queryable, monday: string, timeZone: string, hidePeople: boolean, now: Date): BriefFacts {
  const sunday = addDays(monday, -1);
  const lastWeek = readHeadline(db, boundsOf({ from: addDays(monday, -7), to: sunday }, timeZone));
  const quarter = readHeadline(db, boundsOf({ from: quarterStartOf(sunday), to: sunday }, timeZone));
  const insights = readInsights(db, boundsOf({ from: addDays(monday, -28), to: sunday }, timeZone), hidePeople, now).items;
  return { monday, lastWeek, quarter, insights };
}

/**
 * Monday 08:00 company time: the brief to every enabled lead and person granted Insights whose
 * `weekly_brief` setting is `email` (the default). Returns how many it wrote, or null when the
 * slot had run.
 */
export function runWeeklyBrief(ctx: JobContext): number | null {
  const timeZone = companyTimeZone(ctx.db);
  // Named by the Monday's company date, so changing the time zone cannot make it a new slot.
  const monday = dateIn(latestWeeklySlot(ctx.now, timeZone), timeZone);
  return ctx.db.transaction((tx) => {
    if (slotRan(tx, 'weekly_brief', monday)) return null;
    const readers = insightReaders(tx).filter((p) => channelNow(tx, p.id, 'weekly_brief') === 'email');
    const facts = new Map<boolean, BriefFacts>();
    for (const person of readers) {
      const hide = hidesPeople(tx, person);
      if (!facts.has(hide)) facts.set(hide, briefFacts(tx, monday, timeZone, hide, ctx.now));
      ctx.enqueue(tx, briefMail(person, facts.get(hide)!, ctx.baseUrl, unsubscribeUrl(tx, ctx.baseUrl, person.id, 'weekly_brief')));
    }
    recordSlot(tx, 'weekly_brief', monday, ctx.now);
    return readers.length;
  });
}

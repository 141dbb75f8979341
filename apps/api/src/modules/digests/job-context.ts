import { and, eq } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { scheduleRuns } from '../../db/schema-notifications';
import type { Mail } from '../mail/outbox';

/** What every scheduled job gets: the database, the moment it runs at, where links point, the outbox. */
export interface JobContext {
  db: Db;
  now: Date;
  /** PUBLIC_URL (no trailing slash): links in emails are absolute. */
  baseUrl: string;
  /** Puts a message in the outbox inside the job's transaction (the mailer's, or "kept" in the demo seed). */
  enqueue: (tx: Queryable, mail: Mail) => number;
  /** How long the oldest immediate notification waits before its person's batch goes out. */
  batchMinutes: number;
}

/** `schedule_runs.job`; its `slot` is the company date of the run (the day, or the week's Monday). */
export type ScheduledJob = 'daily_digest' | 'weekly_brief';

export const slotRan = (tx: Queryable, job: ScheduledJob, slot: string): boolean =>
  tx
    .select({ slot: scheduleRuns.slot })
    .from(scheduleRuns)
    .where(and(eq(scheduleRuns.job, job), eq(scheduleRuns.slot, slot)))
    .get() !== undefined;

/** Recorded in the transaction of the messages the run wrote: the primary key refuses a second run of the slot. */
export const recordSlot = (tx: Queryable, job: ScheduledJob, slot: string, now: Date) =>
  tx.insert(scheduleRuns).values({ job, slot, ranAt: now.toISOString() }).run();

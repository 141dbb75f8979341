import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { buildApp } from '../src/app';
import { settings } from '../src/db/schema';
import { scheduleRuns } from '../src/db/schema-notifications';
import { seedDemo } from '../src/db/seed/demo';
import { latestDailySlot, latestWeeklySlot, zonedTime } from '../src/modules/digests/schedule-slots';
import { demoToday } from './harness';
import { addNotification, messagesOfKind, requestOf, userIdOf } from './mail-fixtures';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-schedule-'));
const databasePath = path.join(dir, 'schedule.db');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let at = new Date(demoToday);
/** The app as the server starts it (schedule on), on the same database file each time, at the clock's time. */
const start = () => buildApp({ databasePath, now: () => at, schedule: { batchMinutes: 3 } });

describe('slots in the company time zone', () => {
  it('08:00 in Berlin is 07:00 UTC in winter and 06:00 UTC in summer; the weekly slot is Monday', () => {
    expect(zonedTime('2026-11-24', 8, 'Europe/Berlin').toISOString()).toBe('2026-11-24T07:00:00.000Z');
    expect(zonedTime('2026-07-14', 8, 'Europe/Berlin').toISOString()).toBe('2026-07-14T06:00:00.000Z');
    expect(zonedTime('2026-11-24', 8, 'America/New_York').toISOString()).toBe('2026-11-24T13:00:00.000Z');
    // 07:59 Berlin on a Tuesday: still yesterday's slot; 08:00: today's.
    expect(latestDailySlot(new Date('2026-11-24T06:59:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-11-23T07:00:00.000Z');
    expect(latestDailySlot(new Date('2026-11-24T07:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-11-24T07:00:00.000Z');
    // Sunday night and Monday 07:59 belong to the previous Monday; Monday 08:00 starts the new week.
    expect(latestWeeklySlot(new Date('2026-11-30T06:59:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-11-23T07:00:00.000Z');
    expect(latestWeeklySlot(new Date('2026-11-30T07:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-11-30T07:00:00.000Z');
  });
});

describe('the persisted schedule across two restarts on one database file', () => {
  it('runs the latest missed slot once after a restart, never a backlog, never twice', async () => {
    // First start: the demo (its seed runs the jobs at demo time and records those slots), a Berlin company.
    let app = await start();
    await seedDemo(app.db, demoToday);
    app.db
      .insert(settings)
      .values({ key: 'timezone', value: 'Europe/Berlin' })
      .onConflictDoUpdate({ target: settings.key, set: { value: 'Europe/Berlin' } })
      .run();
    const sam = userIdOf(app.db, 'sales@example.com');
    const samRequest = requestOf(app.db, 'Sales').id;
    const digestRow = (text: string) =>
      addNotification(app.db, { userId: sam, kind: 'commented', requestId: samRequest, text, mail: 'digest', at });
    const digestsBefore = messagesOfKind(app.db, 'digest').length;
    const briefsBefore = messagesOfKind(app.db, 'weekly_brief').length;

    // Monday 23 Nov, 07:30 Berlin: the scheduler's first tick at start sends Sunday's digest
    // slot (it had not run) with the row below, and last Monday's brief ran in the seed already.
    at = new Date('2026-11-23T06:30:00Z');
    digestRow('Before the first start');
    await app.ready();
    expect(messagesOfKind(app.db, 'digest')).toHaveLength(digestsBefore + 1);
    expect(messagesOfKind(app.db, 'digest').at(-1)!.text).toContain('Before the first start');
    // Ticking again in the same slot writes nothing.
    expect(app.scheduler.tick()).toMatchObject({ digest: null, brief: null });
    // 08:00 Berlin: Monday's slots are due, the digest has nothing to say (no message), the brief goes out.
    at = new Date('2026-11-23T07:00:00Z');
    const monday = app.scheduler.tick();
    expect(monday.digest).toBe(0);
    expect(monday.brief).toBe(2); // the CMO and the Executive requester with Insights
    expect(messagesOfKind(app.db, 'weekly_brief')).toHaveLength(briefsBefore + 2);
    digestRow('Written on Monday');
    await app.close();

    // Down from Monday noon to Thursday 09:00 Berlin: Tuesday's, Wednesday's and Thursday's
    // digest slots passed. The restart sends one digest (Thursday's slot), with Monday's row.
    at = new Date('2026-11-26T08:00:00Z');
    app = await start();
    await app.ready();
    const digests = messagesOfKind(app.db, 'digest');
    expect(digests).toHaveLength(digestsBefore + 2);
    expect(digests.at(-1)!.text).toContain('Written on Monday');
    expect(digests.at(-1)!.subject).toBe('Your Altitude digest for Thu 26 Nov: 1 update');
    expect(messagesOfKind(app.db, 'weekly_brief')).toHaveLength(briefsBefore + 2);
    await app.close();

    // A second restart in the same slot: nothing again.
    at = new Date('2026-11-26T09:30:00Z');
    app = await start();
    await app.ready();
    expect(messagesOfKind(app.db, 'digest')).toHaveLength(digestsBefore + 2);
    expect(messagesOfKind(app.db, 'weekly_brief')).toHaveLength(briefsBefore + 2);
    const runs = app.db.select().from(scheduleRuns).orderBy(asc(scheduleRuns.job), asc(scheduleRuns.slot)).all();
    expect(runs.map((r) => `${r.job} ${r.slot}`)).toEqual([
      'daily_digest 2026-11-20', // the seed's, at demo time
      'daily_digest 2026-11-22',
      'daily_digest 2026-11-23',
      'daily_digest 2026-11-26',
      'weekly_brief 2026-11-16',
      'weekly_brief 2026-11-23',
    ]);
    await app.close();
  }, 60_000);
});

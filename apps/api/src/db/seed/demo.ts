import { count, eq } from 'drizzle-orm';
import { generateNKeysBetween } from 'fractional-indexing';
import type { Priority, Status } from '@altitude/shared/domain';
import type { Db } from '../client';
import * as t from '../schema';
import { hashPassword } from '../../lib/password';
import { demoAccounts, demoColleagues, demoComments, demoPassword, demoTypes, strategicPrograms } from './demo-catalog';
import { createRandom } from './random';
import { seedBaseline } from './baseline';
import { seedDemoMail } from './demo-mail';
import { demoHolidays } from './demo-holidays';
import { demoQuestions } from './demo-intake';
import { dayMs, iso, isoDate, pickType, planRequest, type Activity, type RequestRow } from './demo-requests';
import { planServiceLevels } from './demo-service-levels';
import { demoKitType, planKits } from './demo-kits';
import { linkDemoInitiatives } from './demo-initiatives';
import { seedDemoNotifications } from './demo-notifications';
import { BusinessCalendar } from '@altitude/shared/business-time';
import { companyTimeZone } from '../../modules/settings/company-clock';

const seedDays = 182;

export function isDatabaseEmpty(db: Db): boolean {
  return (db.select({ n: count() }).from(t.users).get()?.n ?? 0) === 0;
}

/**
 * Seeds the demo company: six months of requests ending at `today`, tactical work growing
 * (Sales event banners most of all) so the strategic share drifts down. Deterministic for a
 * given `today`, so tests can rely on its shape.
 */
export async function seedDemo(db: Db, today: Date = new Date()): Promise<void> {
  const passwordHash = await hashPassword(demoPassword);
  const rnd = createRandom(20261127);
  const end = today.getTime();
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - seedDays * dayMs;

  db.transaction((tx) => {
    const deptId = seedBaseline(tx);
    for (const [name, fields] of Object.entries(demoQuestions))
      tx.update(t.requestTypes).set({ fields }).where(eq(t.requestTypes.name, name)).run();
    const people = [...demoAccounts, ...demoColleagues].map((a) => ({
      ...a,
      id: tx
        .insert(t.users)
        .values({
          email: a.email,
          name: a.name,
          role: a.role,
          passwordHash,
          departmentId: deptId.get(a.department)!,
          // The C-suite reads where marketing's time goes: the Executive requesters read Insights.
          canViewInsights: a.department === 'Executive',
          ...(a.weeklyMinutes === undefined ? {} : { weeklyMinutes: a.weeklyMinutes }),
          ...(a.strategicReserveMinutes === undefined ? {} : { strategicReserveMinutes: a.strategicReserveMinutes }),
        })
        .returning()
        .get().id,
    }));
    for (let q = quarterStart(start); q <= end; q = quarterStart(q + 100 * dayMs)) {
      tx.insert(t.targets)
        .values({ periodStart: new Date(q).toISOString().slice(0, 10), strategicShare: 0.4 })
        .run();
    }

    // Holidays in the half-year and the next two months, so the coming Christmas break shows too.
    const holidays = demoHolidays(isoDate(start), isoDate(end + 60 * dayMs));
    if (holidays.length > 0) tx.insert(t.holidays).values(holidays).run();

    const marketers = people.filter((p) => p.role !== 'requester');
    const requesters = (dept: string) => people.filter((p) => p.department === dept);
    const requests: RequestRow[] = [];
    const entries: (typeof t.timeEntries.$inferInsert)[] = [];
    const comments: (typeof t.comments.$inferInsert)[] = [];
    const activity: Activity[] = [];

    for (let day = start; day <= end; day += dayMs) {
      const weekday = new Date(day).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const progress = (day - start) / (end - start);
      const arrivals = rnd.int(2, 3) + (rnd.chance(0.3 + 0.4 * progress) ? 1 : 0);
      for (let i = 0; i < arrivals; i++) {
        const { type, id: typeId } = pickType(rnd, progress);
        const dept = rnd.weighted(Object.entries(type.askedBy) as [string, number][]);
        const requester = rnd.pick(requesters(dept));
        const createdAt = day + rnd.int(8 * 60, 17 * 60) * 60_000;
        if (createdAt > end) continue;
        const id = requests.length + 1;
        const req = planRequest(rnd, {
          id,
          type,
          typeId,
          requesterId: requester.id,
          departmentId: deptId.get(dept)!,
          createdAt,
          end,
          marketers: marketers.map((m) => m.id),
        });
        requests.push(req.row);
        entries.push(...req.entries);
        activity.push(...req.activity);
        if (rnd.chance(0.35)) {
          const at = createdAt + rnd.between(0.1, 3) * dayMs;
          if (at < end) {
            const author = rnd.chance(0.5) ? requester.id : (req.row.assigneeId ?? requester.id);
            comments.push({ requestId: id, authorId: author, body: rnd.pick(demoComments), createdAt: iso(at) });
            activity.push({ requestId: id, actorId: author, kind: 'commented', createdAt: iso(at) });
          }
        }
      }
    }

    // Flagship strategic programs run all half-year with steady, slowly shrinking time: the base
    // of strategic work that tactical demand crowds out.
    const cmo = people.find((p) => p.role === 'lead')!;
    for (const program of strategicPrograms) {
      const id = requests.length + 1;
      const type = demoTypes.findIndex((t) => t.name === program.type) + 1;
      const createdAt = start + program.startDay * dayMs;
      const done = program.endDay !== null ? start + program.endDay * dayMs : null;
      const assigneeId = people.find((p) => p.email === program.owner)!.id;
      requests.push({
        id,
        title: program.title,
        brief: program.brief,
        typeId: type,
        requesterId: cmo.id,
        departmentId: deptId.get('Marketing')!,
        businessGoal: 'Long-term demand and brand',
        audience: 'The whole market',
        dueDate: isoDate((done ?? end + 30 * dayMs) + 7 * dayMs),
        priority: 'high',
        status: done ? 'done' : 'in_progress',
        resolution: done ? 'delivered' : null,
        classification: 'strategic',
        classificationSuggested: false,
        classificationNote: 'Flagship program',
        classifiedById: cmo.id,
        classifiedAt: iso(createdAt + dayMs),
        assigneeId,
        estimateMinutes: program.weeklyHours * 60 * 20,
        position: '',
        version: 6,
        createdAt: iso(createdAt),
        updatedAt: iso(done ?? createdAt + 2 * dayMs),
        startedAt: iso(createdAt + dayMs),
        completedAt: done ? iso(done) : null,
      });
      activity.push(
        { requestId: id, actorId: cmo.id, kind: 'created', createdAt: iso(createdAt) },
        {
          requestId: id,
          actorId: cmo.id,
          kind: 'classified',
          field: 'classification',
          toValue: 'strategic',
          createdAt: iso(createdAt + dayMs),
        },
        {
          requestId: id,
          actorId: cmo.id,
          kind: 'moved',
          field: 'status',
          fromValue: 'intake',
          toValue: 'in_progress',
          createdAt: iso(createdAt + dayMs),
        },
      );
      if (done)
        activity.push({
          requestId: id,
          actorId: assigneeId,
          kind: 'moved',
          field: 'status',
          fromValue: 'in_progress',
          toValue: 'done',
          createdAt: iso(done),
        });
      for (let week = createdAt + dayMs; week < Math.min(done ?? end, end); week += 7 * dayMs) {
        const progress = (week - start) / (end - start);
        const minutes = Math.round((program.weeklyHours * (1 - 0.55 * progress) * rnd.between(0.7, 1.3) * 60) / 15) * 15;
        if (minutes <= 0) continue;
        entries.push({ requestId: id, userId: assigneeId, minutes, date: isoDate(week), note: 'Program work', createdAt: iso(week) });
        activity.push({
          requestId: id,
          actorId: assigneeId,
          kind: 'time_logged',
          field: 'minutes',
          toValue: String(minutes),
          createdAt: iso(week),
        });
      }
    }

    const service = planServiceLevels(requests, {
      calendar: new BusinessCalendar(
        companyTimeZone(tx),
        holidays.map((h) => h.date),
      ),
      salesId: deptId.get('Sales')!,
      salesRequesterId: people.find((p) => p.email === 'sales@example.com')!.id,
      end,
    });

    linkDemoInitiatives(tx, requests, activity, { end, people });

    const byStatus = new Map<Status, RequestRow[]>();
    for (const r of requests) byStatus.set(r.status!, [...(byStatus.get(r.status!) ?? []), r]);
    for (const rows of byStatus.values()) {
      rows.sort((a, b) => priorityRank(b.priority!) - priorityRank(a.priority!) || (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
      generateNKeysBetween(null, null, rows.length).forEach((key, i) => (rows[i]!.position = key));
    }
    for (const chunk of chunks(requests, 500)) tx.insert(t.requests).values(chunk).run();
    for (const chunk of chunks(service.questions, 500)) tx.insert(t.requestQuestions).values(chunk).run();
    for (const chunk of chunks(entries, 1000)) tx.insert(t.timeEntries).values(chunk).run();
    for (const chunk of chunks(comments, 1000)) tx.insert(t.comments).values(chunk).run();
    activity.sort((a, b) => a.createdAt!.localeCompare(b.createdAt!));
    for (const chunk of chunks(activity, 1000)) tx.insert(t.activity).values(chunk).run();
    seedDemoNotifications(tx, requests, people, end);

    const kits = planKits({
      typeId: demoTypes.findIndex((ty) => ty.name === demoKitType) + 1,
      salesId: deptId.get('Sales')!,
      salesPeople: requesters('Sales').map((p) => p.id),
      requests,
      end,
    });
    tx.update(t.requestTypes)
      .set({ selfServeKit: kits.kit, kitPublishedAt: kits.publishedAt })
      .where(eq(t.requestTypes.name, demoKitType))
      .run();
    for (const chunk of chunks(kits.outcomes, 500)) tx.insert(t.kitOutcomes).values(chunk).run();
  });
  seedDemoMail(db, today);
}

const priorityRank = (p: Priority) => ({ low: 0, normal: 1, high: 2, urgent: 3 })[p];
const quarterStart = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1);
};
function* chunks<T>(items: T[], size: number) {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

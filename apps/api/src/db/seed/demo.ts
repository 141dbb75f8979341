import { count } from 'drizzle-orm';
import { generateNKeysBetween } from 'fractional-indexing';
import type { Classification, Priority, Status } from '@altitude/shared/domain';
import type { Db } from '../client';
import * as t from '../schema';
import { hashPassword } from '../../lib/password';
import {
  demoAccounts,
  demoColleagues,
  demoComments,
  demoPassword,
  demoTypes,
  fillers,
  strategicPrograms,
  type DemoType,
} from './demo-catalog';
import { createRandom, type Random } from './random';
import { seedBaseline } from './baseline';

const dayMs = 86_400_000;
const seedDays = 182;

type RequestRow = typeof t.requests.$inferInsert & { id: number };
type Activity = typeof t.activity.$inferInsert;

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
    const people = [...demoAccounts, ...demoColleagues].map((a) => ({
      ...a,
      id: tx
        .insert(t.users)
        .values({ email: a.email, name: a.name, role: a.role, passwordHash, departmentId: deptId.get(a.department)! })
        .returning()
        .get().id,
    }));
    for (let q = quarterStart(start); q <= end; q = quarterStart(q + 100 * dayMs)) {
      tx.insert(t.targets)
        .values({ periodStart: new Date(q).toISOString().slice(0, 10), strategicShare: 0.4 })
        .run();
    }

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

    const byStatus = new Map<Status, RequestRow[]>();
    for (const r of requests) byStatus.set(r.status!, [...(byStatus.get(r.status!) ?? []), r]);
    for (const rows of byStatus.values()) {
      rows.sort((a, b) => priorityRank(b.priority!) - priorityRank(a.priority!) || (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
      generateNKeysBetween(null, null, rows.length).forEach((key, i) => (rows[i]!.position = key));
    }
    for (const chunk of chunks(requests, 500)) tx.insert(t.requests).values(chunk).run();
    for (const chunk of chunks(entries, 1000)) tx.insert(t.timeEntries).values(chunk).run();
    for (const chunk of chunks(comments, 1000)) tx.insert(t.comments).values(chunk).run();
    activity.sort((a, b) => a.createdAt!.localeCompare(b.createdAt!));
    for (const chunk of chunks(activity, 1000)) tx.insert(t.activity).values(chunk).run();
  });
}

function pickType(rnd: Random, progress: number) {
  // Tactical demand grows over the half-year, Sales event work most of all: the drift the CMO should see.
  const weights = demoTypes.map((type, i) => {
    let w = Object.values(type.askedBy).reduce((s, n) => s + n, 0);
    // Strategic work is rarer and mostly marketing-originated; tactical demand grows.
    if (type.defaultClassification === 'strategic') w *= 0.25 * (1 - 0.6 * progress);
    if (type.defaultClassification === 'tactical') w *= 1 + 0.8 * progress;
    if (type.name === 'Event banner' || type.name === 'Event logistics') w *= 1 + 2.5 * progress * progress;
    return [i, w] as const;
  });
  const i = rnd.weighted(weights);
  return { type: demoTypes[i]!, id: i + 1 };
}

interface Plan {
  id: number;
  type: DemoType;
  typeId: number;
  requesterId: number;
  departmentId: number;
  createdAt: number;
  end: number;
  marketers: number[];
}

function planRequest(rnd: Random, p: Plan) {
  const { type } = p;
  const title = rnd.pick(type.titles).replace(/\{(\w+)\}/g, (_, k: string) => rnd.pick(fillers[k] ?? ['']));
  const turnaround = type.turnaroundDays * rnd.between(0.8, 1.8);
  const due = p.createdAt + (type.turnaroundDays + rnd.int(-3, 7)) * dayMs;
  const priority = rnd.weighted<Priority>([
    ['low', 2],
    ['normal', 6],
    ['high', 3],
    ['urgent', 1],
  ]);
  const hours = rnd.between(...type.hours);
  const assigneeId = rnd.pick(p.marketers);
  const classification: Classification = rnd.chance(0.04)
    ? type.defaultClassification === 'tactical'
      ? 'strategic'
      : 'tactical'
    : type.defaultClassification;
  const startedAt = p.createdAt + rnd.between(0.3, 4) * dayMs;
  const completedAt = startedAt + turnaround * dayMs;
  const activity: Activity[] = [{ requestId: p.id, actorId: p.requesterId, kind: 'created', createdAt: iso(p.createdAt) }];
  const entries: (typeof t.timeEntries.$inferInsert)[] = [];
  const row: RequestRow = {
    id: p.id,
    title,
    brief: `${type.description}\n\n**Context:** requested for ${title.toLowerCase()}.`,
    typeId: p.typeId,
    requesterId: p.requesterId,
    departmentId: p.departmentId,
    businessGoal: type.defaultClassification === 'strategic' ? 'Build long-term demand' : 'Support an active deal or event',
    audience: rnd.pick(['CIOs', 'Operations leaders', 'Existing customers', 'Partners', 'Finance buyers']),
    dueDate: isoDate(due),
    priority,
    status: 'intake',
    classification: type.defaultClassification,
    classificationSuggested: true,
    position: '',
    version: 1,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.createdAt),
  };
  const change = (at: number, actorId: number, kind: string, field: string | null, from: string | null, to: string | null) => {
    activity.push({ requestId: p.id, actorId, kind, field, fromValue: from, toValue: to, createdAt: iso(at) });
    row.version! += 1;
    row.updatedAt = iso(at);
  };

  if (startedAt > p.end) {
    // Triage before classification: time that reports must show as unclassified.
    if (rnd.chance(0.5) && p.createdAt + 3_600_000 < p.end) {
      const userId = rnd.pick(p.marketers);
      const minutes = rnd.pick([15, 30]);
      const at = p.createdAt + 3_600_000;
      entries.push({ requestId: p.id, userId, minutes, date: isoDate(at), note: 'Triage', createdAt: iso(at) });
      activity.push({
        requestId: p.id,
        actorId: userId,
        kind: 'time_logged',
        field: 'minutes',
        toValue: String(minutes),
        createdAt: iso(at),
      });
    }
    return { row, entries, activity };
  }
  // Some tactical asks are turned away or handed back to be self-served.
  if (type.defaultClassification === 'tactical' && rnd.chance(0.07)) {
    const resolution = rnd.chance(0.6) ? 'handed_back' : 'declined';
    change(startedAt, assigneeId, 'classified', 'classification', null, classification);
    change(startedAt, assigneeId, 'moved', 'status', 'intake', 'declined');
    Object.assign(row, {
      status: 'declined',
      resolution,
      classification,
      classificationSuggested: false,
      classifiedById: assigneeId,
      classifiedAt: iso(startedAt),
      completedAt: iso(startedAt),
      classificationNote: resolution === 'handed_back' ? 'Use the self-serve template in the sales kit.' : 'Out of scope this quarter.',
    });
    return { row, entries, activity };
  }
  const estimate = Math.round((hours * 60) / 30) * 30;
  change(startedAt, assigneeId, 'classified', 'classification', null, classification);
  change(startedAt, assigneeId, 'assigned', 'assigneeId', null, String(assigneeId));
  change(startedAt, assigneeId, 'estimated', 'estimateMinutes', null, String(estimate));
  Object.assign(row, {
    classification,
    classificationSuggested: false,
    classifiedById: assigneeId,
    classifiedAt: iso(startedAt),
    assigneeId,
    estimateMinutes: estimate,
    startedAt: iso(startedAt),
  });
  const steps: [Status, number][] = [
    ['planned', 0],
    ['in_progress', 0.3],
    ['in_review', 0.8],
    ['done', 1],
  ];
  let prev: Status = 'intake';
  for (const [status, fraction] of steps) {
    const at = startedAt + fraction * (completedAt - startedAt) + (status === 'planned' ? 60_000 : 0);
    if (at > p.end) break;
    change(at, assigneeId, 'moved', 'status', prev, status);
    row.status = status;
    prev = status;
  }
  if (row.status === 'done') Object.assign(row, { resolution: 'delivered', completedAt: iso(completedAt) });

  // Hours are logged between start and finish, in quarter-hours, mostly by the assignee.
  const until = Math.min(completedAt, p.end);
  let remaining = Math.round((hours * 60 * Math.min(1, (until - startedAt) / (completedAt - startedAt))) / 15) * 15;
  while (remaining > 0) {
    const minutes = Math.min(remaining, rnd.int(2, 12) * 15);
    const at = rnd.between(startedAt, until);
    const userId = rnd.chance(0.85) ? assigneeId : rnd.pick(p.marketers);
    entries.push({ requestId: p.id, userId, minutes, date: isoDate(at), note: '', createdAt: iso(at) });
    activity.push({
      requestId: p.id,
      actorId: userId,
      kind: 'time_logged',
      field: 'minutes',
      toValue: String(minutes),
      createdAt: iso(at),
    });
    remaining -= minutes;
  }
  return { row, entries, activity };
}

const iso = (ms: number) => new Date(ms).toISOString();
const isoDate = (ms: number) => iso(ms).slice(0, 10);
const priorityRank = (p: Priority) => ({ low: 0, normal: 1, high: 2, urgent: 3 })[p];
const quarterStart = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1);
};
function* chunks<T>(items: T[], size: number) {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

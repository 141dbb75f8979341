import type { Classification, Priority, Status } from '@altitude/shared/domain';
import type * as t from '../schema';
import { demoTypes, fillers, type DemoType } from './demo-catalog';
import { answeredDays, demoAnswers, demoQuestions } from './demo-intake';
import { strategicReasons, tacticalReasons, weakReasons } from './demo-notes';
import { createRandom, type Random } from './random';

/**
 * One demo request's life, planned in memory: which type arrives when, and for each request the
 * row, its time entries and its activity up to `end`. seedDemo (demo.ts) inserts what this plans.
 */

export const dayMs = 86_400_000;

export type RequestRow = typeof t.requests.$inferInsert & { id: number };
export type Activity = typeof t.activity.$inferInsert;

export const iso = (ms: number) => new Date(ms).toISOString();
export const isoDate = (ms: number) => iso(ms).slice(0, 10);

export function pickType(rnd: Random, progress: number) {
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

/**
 * Fills `{event}`, `{account}`… in a text: with the value `chosen` already holds (the title's), else
 * a new pick that is remembered, so a brief and its note name the same event as the title.
 */
function fill(text: string, chosen: Map<string, string>, rnd: Random): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => {
    if (!chosen.has(k)) chosen.set(k, rnd.pick(fillers[k] ?? ['']));
    return chosen.get(k)!;
  });
}

/** "Webinar: total cost of ownership" → "Webinar: Total cost of ownership": a title reads as one. */
const titleCase = (title: string) => title.replace(/(^|: )([a-z])/g, (_, before: string, c: string) => before + c.toUpperCase());

/** A marketer's reason for classifying against the type's default: mostly real, sometimes weak. */
function overrideNote(words: Random, type: DemoType, chosen: Map<string, string>): string {
  if (type.defaultClassification === 'strategic') return words.pick(tacticalReasons);
  if (words.chance(0.15)) return words.pick(weakReasons);
  return fill(words.pick(strategicReasons[type.name] ?? weakReasons), chosen, words);
}

export function planRequest(rnd: Random, p: Plan) {
  const { type } = p;
  // The title draws from the demo's stream exactly as before (one pick, one per placeholder), so
  // its figures stay put; everything else worded is drawn from the request's own generator.
  // Spread the seed: neighbouring ids must not give neighbouring first draws.
  const words = createRandom(Math.imul(p.id, 0x9e3779b1) ^ 0x5eed);
  const chosen = new Map<string, string>();
  const written = rnd.pick(type.titles);
  const title = titleCase(
    written.title.replace(/\{(\w+)\}/g, (_, k: string) => {
      const value = rnd.pick(fillers[k] ?? ['']);
      chosen.set(k, value);
      return value;
    }),
  );
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
  // One draw, where the audience used to be picked: the stream after it is unchanged.
  const brief = rnd.pick(written.briefs);
  const row: RequestRow = {
    id: p.id,
    title,
    brief: fill(brief.text, chosen, words),
    typeId: p.typeId,
    requesterId: p.requesterId,
    departmentId: p.departmentId,
    businessGoal: fill(brief.goal, chosen, words),
    audience: fill(brief.audience, chosen, words),
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
  // Only requests filed since the type's questions were added answer them.
  if (demoQuestions[type.name] && p.createdAt > p.end - answeredDays * dayMs)
    row.fields = demoAnswers({ id: p.id, type: type.name, titleIndex: type.titles.indexOf(written), chosen, dueDate: row.dueDate! });
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
      classificationNote:
        resolution === 'handed_back'
          ? 'Handed back: the self-serve template in the sales kit covers this.'
          : 'Declined: out of scope for this quarter’s plan.',
    });
    return { row, entries, activity };
  }
  const estimate = Math.round((hours * 60) / 30) * 30;
  const against = classification !== type.defaultClassification;
  change(startedAt, assigneeId, 'classified', 'classification', null, classification);
  change(startedAt, assigneeId, 'assigned', 'assigneeId', null, String(assigneeId));
  change(startedAt, assigneeId, 'estimated', 'estimateMinutes', null, String(estimate));
  Object.assign(row, {
    classification,
    classificationSuggested: false,
    classificationNote: against ? overrideNote(words, type, chosen) : null,
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

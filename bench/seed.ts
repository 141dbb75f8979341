// Seeds benchmark databases straight through SQLite: the app builds the schema (its migrations
// run when buildApp opens the file), then prepared statements fill it in one transaction.
import fs from 'node:fs';
import path from 'node:path';
import { generateNKeysBetween } from 'fractional-indexing';
import { buildApp } from '../apps/api/src/app';
import { bulkLoadTimeEntries } from '../apps/api/src/modules/insights/rollups';
import { backfillExpectedBy } from '../apps/api/src/modules/service-levels/backfill';
import { seedBaseline } from '../apps/api/src/db/seed/baseline';
import { createRandom } from '../apps/api/src/db/seed/random';
import { hashPassword } from '../apps/api/src/lib/password';

export const benchPassword = 'bench-password-2026';
export const accounts = { lead: 'bench-lead@example.com', marketer: 'bench-marketer@example.com' } as const;

type Status = 'intake' | 'planned' | 'in_progress' | 'in_review' | 'done' | 'declined';
const openStatuses = ['intake', 'planned', 'in_progress', 'in_review'] as const;
/** How open cards spread over the open columns. */
const openShare: Record<(typeof openStatuses)[number], number> = { intake: 0.4, planned: 0.25, in_progress: 0.2, in_review: 0.15 };

export interface SeedSpec {
  /** Open cards, spread over intake / planned / in progress / in review. */
  open: number;
  done: number;
  declined: number;
  timeEntries: number;
  /** Requests are filed, worked and closed within this many days before now. */
  spanDays: number;
  seed?: number;
  /** Marketers besides the lead (10 when left out); each keeps `reserveMinutes` a week for strategic work. */
  marketers?: number;
  reserveMinutes?: number;
  /** Every other assigned open request gets a planned-for date up to this many days ahead, so capacity spreads it over weeks. */
  plannedAheadDays?: number;
}

export interface SeedResult {
  file: string;
  counts: { requests: number; open: number; done: number; declined: number; timeEntries: number; activity: number };
  byStatus: Record<Status, number>;
  seedMs: number;
  /** First and last day with time entries (YYYY-MM-DD). */
  firstEntryDate: string;
  lastEntryDate: string;
  /** Time entries per date, to pick an export period of a given size. */
  entriesPerDay: Map<string, number>;
}

const dayMs = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const isoDate = (ms: number) => iso(ms).slice(0, 10);

export const titleWords = {
  what: [
    'Roll-up banners',
    'Booth wall',
    'One-pager',
    'Deck refresh',
    'Case study',
    'Press release',
    'Customer email',
    'LinkedIn posts',
    'Webinar landing page',
    'Swag and shipping',
    'Buyer research',
    'Messaging house',
    'Pillar content',
    'Pricing page test',
  ],
  for: [
    'the Lisbon summit',
    'Acme Logistics',
    'Northwind',
    'the analytics module',
    'SSO',
    'mid-market',
    'public sector',
    'the Berlin roadshow',
    'Globex renewal',
    'partner kick-off',
    'Q3 launch',
    'the API platform',
  ],
};
const brief =
  'Context: the account team needs this for an active opportunity. **Audience**: CIOs and operations leaders.\n\n' +
  '- Use the approved brand colours and the latest logo lock-up\n- Two rounds of review with legal\n- Deliver as PDF and editable source\n\n' +
  'Reference material is in the shared folder; ask the requester for the customer quotes.';

/**
 * Creates a database at `file` (removed first) and fills it: the baseline catalogue, a lead,
 * ten marketers, requesters per department, `spec.open` open cards (confirmed classification
 * outside intake), done and declined cards, time entries on worked requests, one activity row
 * per request, and a strategic-share target per quarter.
 */
export async function seedDatabase(file: string, spec: SeedSpec): Promise<SeedResult> {
  const started = performance.now();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const app = await buildApp({ databasePath: file });
  const passwordHash = await hashPassword(benchPassword);
  const rnd = createRandom(spec.seed ?? 20260401);
  const now = Date.now();
  const spanStart = now - spec.spanDays * dayMs;
  const sqlite = app.db.$client;
  // This connection only seeds: no fsync per page and a large cache make the bulk load quick.
  // The server opens the file afresh with the app's own settings (WAL, synchronous=FULL).
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  const byStatus: Record<Status, number> = { intake: 0, planned: 0, in_progress: 0, in_review: 0, done: 0, declined: 0 };
  let entryCount = 0;
  let activityCount = 0;
  let firstEntry = '9999-12-31';
  let lastEntry = '0000-01-01';
  const entriesPerDay = new Map<string, number>();

  try {
    sqlite.transaction(() => {
      const deptIds = seedBaseline(app.db);
      const marketingId = deptIds.get('Marketing')!;
      const types = sqlite.prepare('select id, default_classification as dc from request_types order by id').all() as {
        id: number;
        dc: 'strategic' | 'tactical';
      }[];

      const insertUser = sqlite.prepare('insert into users (email, name, password_hash, role, department_id) values (?, ?, ?, ?, ?)');
      const userId = (email: string, name: string, role: string, dept: number) =>
        Number(insertUser.run(email, name, passwordHash, role, dept).lastInsertRowid);
      userId(accounts.lead, 'Bench Lead', 'lead', marketingId);
      const marketers = [userId(accounts.marketer, 'Bench Marketer', 'marketer', marketingId)];
      for (let i = 1; i < (spec.marketers ?? 10); i++)
        marketers.push(userId(`bench-marketer-${i}@example.com`, `Marketer ${i}`, 'marketer', marketingId));
      if (spec.reserveMinutes)
        sqlite.prepare("update users set strategic_reserve_minutes = ? where role = 'marketer'").run(spec.reserveMinutes);
      const requesters: { id: number; dept: number }[] = [];
      for (const [name, dept] of deptIds) {
        for (let i = 0; i < 3; i++)
          requesters.push({
            id: userId(`bench-${name.toLowerCase().replace(/\W+/g, '-')}-${i}@example.com`, `${name} requester ${i}`, 'requester', dept),
            dept,
          });
      }
      const insertTarget = sqlite.prepare('insert or ignore into targets (period_start, strategic_share) values (?, 0.4)');
      for (
        let d = new Date(spanStart - 400 * dayMs);
        d.getTime() <= now + 100 * dayMs;
        d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 3, 1))
      ) {
        insertTarget.run(`${d.getUTCFullYear()}-${String(Math.floor(d.getUTCMonth() / 3) * 3 + 1).padStart(2, '0')}-01`);
      }

      // Plan every request first, so positions can be handed out per column.
      type Row = {
        status: Status;
        typeId: number;
        dc: 'strategic' | 'tactical';
        requester: { id: number; dept: number };
        createdAt: number;
        startedAt: number | null;
        completedAt: number | null;
        suggested: boolean;
        classification: 'strategic' | 'tactical';
        assignee: number | null;
      };
      const rows: Row[] = [];
      const plan = (status: Status) => {
        const type = rnd.pick(types);
        const requester = rnd.pick(requesters);
        const closed = status === 'done' || status === 'declined';
        // Closed work finished somewhere in the span; open work was filed in its last 90 days.
        const completedAt = closed ? rnd.between(spanStart + 0.02 * (now - spanStart), now) : null;
        const createdAt = closed ? completedAt! - rnd.between(1, 30) * dayMs : now - rnd.between(0, Math.min(90, spec.spanDays)) * dayMs;
        const worked = status !== 'intake' && status !== 'declined';
        const startedAt = worked ? Math.min(createdAt + rnd.between(0.1, 3) * dayMs, completedAt ?? now - 60_000) : null;
        const suggested = status === 'intake' ? rnd.chance(0.7) : false;
        const classification = rnd.chance(0.1) ? (type.dc === 'tactical' ? 'strategic' : 'tactical') : type.dc;
        rows.push({
          status,
          typeId: type.id,
          dc: type.dc,
          requester,
          createdAt: Math.max(createdAt, spanStart),
          startedAt: startedAt === null ? null : Math.max(startedAt, spanStart),
          completedAt,
          suggested,
          classification,
          assignee: status === 'intake' ? (rnd.chance(0.2) ? rnd.pick(marketers) : null) : rnd.pick(marketers),
        });
      };
      let left = spec.open;
      openStatuses.forEach((s, i) => {
        const n = i === openStatuses.length - 1 ? left : Math.round(spec.open * openShare[s]);
        for (let k = 0; k < n; k++) plan(s);
        left -= n;
      });
      for (let k = 0; k < spec.done; k++) plan('done');
      for (let k = 0; k < spec.declined; k++) plan('declined');

      // Ids follow filing time, as they do in production.
      rows.sort((a, b) => a.createdAt - b.createdAt);
      const positions = new Map<Status, string[]>();
      for (const s of Object.keys(byStatus) as Status[]) {
        byStatus[s] = rows.filter((r) => r.status === s).length;
        positions.set(s, byStatus[s] ? generateNKeysBetween(null, null, byStatus[s]) : []);
      }
      const nextPosition = new Map<Status, number>();

      const insertRequest = sqlite.prepare(`insert into requests
        (title, brief, type_id, requester_id, department_id, business_goal, audience, due_date, priority, status, resolution,
         classification, classification_note, classification_suggested, classified_by_id, classified_at, assignee_id, estimate_minutes,
         position, version, created_at, updated_at, started_at, completed_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      const insertActivity = sqlite.prepare(
        'insert into activity (request_id, actor_id, kind, field, from_value, to_value, created_at) values (?, ?, ?, ?, ?, ?, ?)',
      );
      const priorities = ['low', 'normal', 'normal', 'normal', 'high', 'urgent'];
      const worked: { id: number; from: number; to: number; assignee: number }[] = [];
      for (const r of rows) {
        const i = nextPosition.get(r.status) ?? 0;
        nextPosition.set(r.status, i + 1);
        const created = iso(r.createdAt);
        const updated = iso(r.completedAt ?? r.startedAt ?? r.createdAt);
        const confirmed = !r.suggested;
        const id = Number(
          insertRequest.run(
            `${rnd.pick(titleWords.what)} for ${rnd.pick(titleWords.for)}`,
            brief,
            r.typeId,
            r.requester.id,
            r.requester.dept,
            r.dc === 'strategic' ? 'Build long-term demand' : 'Support an active deal',
            'CIOs',
            isoDate(r.createdAt + rnd.int(2, 40) * dayMs),
            rnd.pick(priorities),
            r.status,
            r.status === 'done' ? 'delivered' : r.status === 'declined' ? (rnd.chance(0.6) ? 'handed_back' : 'declined') : null,
            r.suggested ? r.dc : r.classification,
            confirmed && rnd.chance(0.2) ? 'Confirmed in triage' : null,
            r.suggested ? 1 : 0,
            confirmed ? (r.assignee ?? marketers[0]!) : null,
            confirmed ? iso(r.startedAt ?? r.createdAt) : null,
            r.assignee,
            r.status === 'intake' ? null : rnd.int(1, 16) * 30,
            positions.get(r.status)![i]!,
            r.status === 'intake' ? 1 : rnd.int(3, 8),
            created,
            updated,
            r.startedAt === null ? null : iso(r.startedAt),
            r.completedAt === null ? null : iso(r.completedAt),
          ).lastInsertRowid,
        );
        insertActivity.run(id, r.requester.id, 'created', null, null, null, created);
        activityCount++;
        if (r.startedAt !== null && r.assignee !== null)
          worked.push({ id, from: r.startedAt, to: r.completedAt ?? now, assignee: r.assignee });
      }

      // Time entries land on worked requests, dated between their start and finish, mostly by the
      // assignee, and are inserted in the order they were logged (ids follow time, as in production).
      const insertEntry = sqlite.prepare(
        'insert into time_entries (request_id, user_id, minutes, date, note, created_at) values (?, ?, ?, ?, ?, ?)',
      );
      if (worked.length === 0 && spec.timeEntries > 0) throw new Error('time entries need worked requests');
      const at = new Float64Array(spec.timeEntries);
      const owner = new Int32Array(spec.timeEntries);
      for (let k = 0; k < spec.timeEntries; k++) {
        const wi = k < worked.length ? k : Math.floor(rnd.next() * worked.length);
        const w = worked[wi]!;
        owner[k] = wi;
        at[k] = rnd.between(w.from, w.to);
      }
      const order = Uint32Array.from({ length: spec.timeEntries }, (_, k) => k).sort((a, b) => at[a]! - at[b]!);
      // The report rollups are filled in one pass after the load, not by their triggers per entry.
      bulkLoadTimeEntries(sqlite, () => {
        for (const k of order) {
          const w = worked[owner[k]!]!;
          const date = isoDate(at[k]!);
          if (date < firstEntry) firstEntry = date;
          if (date > lastEntry) lastEntry = date;
          entriesPerDay.set(date, (entriesPerDay.get(date) ?? 0) + 1);
          insertEntry.run(
            w.id,
            rnd.chance(0.85) ? w.assignee : rnd.pick(marketers),
            rnd.int(1, 12) * 15,
            date,
            rnd.chance(0.1) ? 'Review round' : '',
            iso(at[k]!),
          );
        }
      });
      entryCount = spec.timeEntries;
      if (spec.plannedAheadDays)
        sqlite
          .prepare(
            `update requests set planned_for = date(?, '+' || (id % ?) || ' days')
             where status in ('intake', 'planned', 'in_progress', 'in_review') and assignee_id is not null and id % 2 = 0`,
          )
          .run(isoDate(now), spec.plannedAheadDays);
    })();
    // Every request carries its expected-by date, as filed ones do; otherwise the server's start-up
    // backfill would date them all, which at 100,000 requests outlasts the bench's start timeout.
    backfillExpectedBy(app.db);
  } finally {
    await app.close();
  }
  const openCount = byStatus.intake + byStatus.planned + byStatus.in_progress + byStatus.in_review;
  return {
    file,
    counts: {
      requests: openCount + byStatus.done + byStatus.declined,
      open: openCount,
      done: byStatus.done,
      declined: byStatus.declined,
      timeEntries: entryCount,
      activity: activityCount,
    },
    byStatus,
    seedMs: performance.now() - started,
    firstEntryDate: firstEntry,
    lastEntryDate: lastEntry,
    entriesPerDay,
  };
}

import { type BusinessCalendar, expectedByFor, isRush } from '@altitude/shared/business-time';
import { addDays } from '@altitude/shared/calendar';
import type * as t from '../schema';
import { demoTypes } from './demo-catalog';
import { iso, type RequestRow } from './demo-requests';
import { createRandom, type Random } from './random';

/**
 * The demo's service-level story, planned over requests demo.ts has already planned: each gets
 * the expected-by date its type's business-day turnaround promised at filing, Sales files about
 * three in ten as rushes (others about one in ten), a marketer answers within hours, some briefs
 * need a needs-info round or several (Sales' most), and a couple of fresh Sales requests are
 * waiting on their requester today. Delivery times are the demo's own, so some land late.
 * Its own random stream: the rest of the demo draws exactly what it drew before.
 */

const hourMs = 3_600_000;

export const demoQuestions: { question: string; answer: string }[] = [
  {
    question: 'Who signs this off on your side, and when do they need to see a draft?',
    answer: 'Our regional VP signs it off; a draft by Thursday morning works.',
  },
  {
    question: 'Is there a budget for print, or should this stay digital only?',
    answer: 'Digital only this time; print would need a new budget request.',
  },
  {
    question: 'Which audience matters most here: new prospects or existing customers?',
    answer: 'Existing customers first; prospects can get a lighter version later.',
  },
  {
    question: 'Can you share the figures you want quoted, with their source?',
    answer: 'They come from the finance dashboard; quote the renewal rate only.',
  },
  {
    question: 'What should the reader do next: book a demo, register, or reply?',
    answer: 'Book a demo, through the link on the pricing page.',
  },
  { question: 'Is the date fixed by an event, or could it move by a few days?', answer: 'Fixed: the booth opens on Monday morning.' },
  { question: 'Which logo should we use: ours alone or the co-branded lockup?', answer: 'Co-branded; the partner approved it last week.' },
  {
    question: 'Is there an earlier version we should start from?',
    answer: 'Start from the spring version; only the product names changed.',
  },
];

export interface ServicePlan {
  /** Needs-info rounds to insert once the requests are in. */
  questions: (typeof t.requestQuestions.$inferInsert)[];
}

interface Context {
  calendar: BusinessCalendar;
  salesId: number;
  /** The demo sales requester (sales@example.com): one of the waiting requests is theirs. */
  salesRequesterId: number;
  end: number;
}

const roundsFor = (rnd: Random, sales: boolean): number => {
  if (!rnd.chance(sales ? 0.35 : 0.08)) return 0;
  return sales
    ? rnd.weighted([
        [1, 5],
        [2, 3],
        [3, 2],
      ])
    : rnd.weighted([
        [1, 8],
        [2, 2],
      ]);
};

/** Sets the clock columns of `rows` (in place) and plans their needs-info rounds. */
export function planServiceLevels(rows: RequestRow[], ctx: Context): ServicePlan {
  const rnd = createRandom(20261202);
  const { calendar, end } = ctx;
  const questions: ServicePlan['questions'] = [];
  const ask = (row: RequestRow, askedAt: number, answeredAt: number | null) => {
    const q = demoQuestions[(row.id * 7 + questions.length) % demoQuestions.length]!;
    questions.push({
      requestId: row.id,
      askedById: row.assigneeId ?? row.classifiedById ?? ctx.salesRequesterId,
      question: q.question,
      askedAt: iso(askedAt),
      answer: answeredAt === null ? null : q.answer,
      answeredById: answeredAt === null ? null : row.requesterId,
      answeredAt: answeredAt === null ? null : iso(answeredAt),
    });
  };

  for (const row of rows) {
    const type = demoTypes[row.typeId - 1]!;
    const created = Date.parse(row.createdAt!);
    const sales = row.departmentId === ctx.salesId;
    const expectedBy = expectedByFor(row.createdAt!, type.turnaroundDays, calendar);
    // The needed-by date a requester would have typed: before the expected-by date for a rush.
    const rush = rnd.chance(sales ? 0.3 : 0.1);
    const filedOn = calendar.dateOf(row.createdAt!);
    if (rush && !isRush(row.dueDate, expectedBy)) {
      const earlier = addDays(expectedBy, -rnd.int(1, 3));
      row.dueDate = earlier > filedOn ? earlier : addDays(filedOn, 1);
    } else if (!rush && isRush(row.dueDate, expectedBy)) {
      row.dueDate = addDays(expectedBy, rnd.int(0, 4));
    }
    row.expectedBy = expectedBy;
    row.rush = isRush(row.dueDate, expectedBy);

    // First response: a marketer's first touch, hours after filing (at the latest when work starts).
    const touched = row.classifiedAt ? Date.parse(row.classifiedAt) : null;
    const reply = created + rnd.between(0.5, 7) * hourMs;
    const first = touched !== null ? Math.min(reply, touched) : rnd.chance(0.5) && reply < end ? reply : null;
    if (first === null) continue;
    row.firstResponseAt = iso(first);

    // Needs-info rounds, from the first response on; each answered hours later, before delivery.
    const until = Math.min(row.completedAt ? Date.parse(row.completedAt) : end, end);
    let at = first;
    let paused = 0;
    let rounds = 0;
    for (let n = roundsFor(rnd, sales); n > 0; n--) {
      const answered = at + rnd.between(1, 20) * hourMs;
      if (answered >= until) break;
      ask(row, at, answered);
      paused += calendar.minutesBetween(iso(at), iso(answered));
      rounds += 1;
      at = answered + rnd.between(1, 8) * hourMs;
    }
    row.pausedMinutes = paused;
    row.needsInfoRounds = rounds;
  }

  // Two fresh Sales requests wait on their requester today: one filed by the demo sales account.
  const open = rows
    .filter(
      (r) => r.departmentId === ctx.salesId && r.status === 'intake' && !r.needsInfoRounds && Date.parse(r.createdAt!) + 2 * hourMs < end,
    )
    .sort((a, b) => b.createdAt!.localeCompare(a.createdAt!));
  const own = open.find((r) => r.requesterId === ctx.salesRequesterId);
  const other = open.find((r) => r.requesterId !== ctx.salesRequesterId);
  for (const row of [own, other]) {
    if (!row) continue;
    const askedAt = Math.min(Date.parse(row.createdAt!) + 2 * hourMs, end - hourMs);
    ask(row, askedAt, null);
    Object.assign(row, {
      waitingOn: 'requester',
      pausedSince: iso(askedAt),
      needsInfoRounds: 1,
      firstResponseAt: row.firstResponseAt && Date.parse(row.firstResponseAt) < askedAt ? row.firstResponseAt : iso(askedAt),
    });
  }
  return { questions };
}

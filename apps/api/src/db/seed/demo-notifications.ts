import type { NotificationKind } from '@altitude/shared/notifications';
import type { Status } from '@altitude/shared/domain';
import type { Tx } from '../client';
import { notifications } from '../schema-notifications';
import { iso, type RequestRow } from './demo-requests';

interface Person {
  id: number;
  email: string;
  name: string;
}

const hourMs = 3_600_000;
const columnNames: Record<Status, string> = {
  intake: 'Intake',
  planned: 'Planned',
  in_progress: 'In progress',
  in_review: 'In review',
  done: 'Done',
  declined: 'Declined',
};
const named = (r: RequestRow) => `MKT-${r.id} ${r.title!.length > 60 ? `${r.title!.slice(0, 59).trimEnd()}…` : r.title}`;

type Draft = { kind: NotificationKind; request: RequestRow; actor: Person | null; text: string };

/**
 * The bell on first open: for each demo account, about eight notifications of the last days, the
 * newest three unread, each about a request its owner may see (requesters: their own; marketing:
 * any). Written with mail `none`: they stand for history, and the digest must not mail them.
 * Uses no random draws, so the rest of the demo is unchanged. Call after the requests are inserted.
 */
export function seedDemoNotifications(tx: Tx, requests: RequestRow[], people: Person[], end: number): void {
  const who = (email: string) => people.find((p) => p.email === email)!;
  const [cmo, max, nina] = [who('cmo@example.com'), who('marketer@example.com'), who('nina.marketing@example.com')];
  const newest = [...requests].sort((a, b) => b.createdAt!.localeCompare(a.createdAt!));
  const open = (r: RequestRow) => r.status !== 'done' && r.status !== 'declined';
  const assignerOf = (r: RequestRow) => (r.assigneeId === cmo.id ? nina : cmo);

  const forMarketing = (me: Person, other: Person): Draft[] => {
    const mine = newest.filter((r) => r.assigneeId === me.id && open(r)).slice(0, 5);
    const others = newest.filter((r) => r.assigneeId !== me.id && open(r) && r.requesterId !== me.id).slice(0, 3);
    return [
      ...mine.slice(0, 3).map((r) => ({
        kind: 'assigned' as const,
        request: r,
        actor: assignerOf(r),
        text: `${assignerOf(r).name} assigned ${named(r)} to you`,
      })),
      ...others
        .slice(0, 2)
        .map((r) => ({ kind: 'mentioned' as const, request: r, actor: other, text: `${other.name} mentioned you on ${named(r)}` })),
      ...mine
        .filter((r) => r.dueDate)
        .slice(0, 1)
        .map((r) => ({ kind: 'due_soon' as const, request: r, actor: null, text: `${named(r)} is due on ${r.dueDate}` })),
      ...others
        .slice(2, 3)
        .map((r) => ({ kind: 'commented' as const, request: r, actor: other, text: `${other.name} commented on ${named(r)}` })),
    ];
  };

  /** What marketing last did to a requester's request, told to the requester. */
  const newsOf = (r: RequestRow, marketer: Person): Draft => {
    if (r.waitingOn === 'requester')
      return { kind: 'needs_info', request: r, actor: marketer, text: `${marketer.name} needs more information on ${named(r)}` };
    if (r.resolution === 'handed_back')
      return { kind: 'handed_back', request: r, actor: marketer, text: `${marketer.name} handed ${named(r)} back to you to self-serve` };
    if (r.resolution === 'declined')
      return { kind: 'declined', request: r, actor: marketer, text: `${marketer.name} declined ${named(r)}` };
    if (r.status === 'intake') return { kind: 'commented', request: r, actor: max, text: `${max.name} commented on ${named(r)}` };
    return { kind: 'status_changed', request: r, actor: marketer, text: `${marketer.name} moved ${named(r)} to ${columnNames[r.status!]}` };
  };
  const forRequester = (me: Person): Draft[] =>
    newest
      .filter((r) => r.requesterId === me.id)
      .slice(0, 8)
      .flatMap((r, i): Draft[] => {
        const marketer = people.find((p) => p.id === r.assigneeId) ?? max;
        // The newest also has a comment from marketing, so the bell mixes kinds.
        const comment: Draft = { kind: 'commented', request: r, actor: marketer, text: `${marketer.name} commented on ${named(r)}` };
        const news = newsOf(r, marketer);
        return i === 0 && news.kind !== 'commented' ? [comment, news] : [news];
      });

  const plan: [Person, Draft[]][] = [
    [cmo, forMarketing(cmo, max)],
    [max, forMarketing(max, cmo)],
    ...['sales@example.com', 'product@example.com', 'exec@example.com'].map((e): [Person, Draft[]] => [who(e), forRequester(who(e))]),
  ];
  const rows = plan.flatMap(([person, drafts]) =>
    drafts.map((d, i) => {
      // Newest first, a few hours apart, none later than the demo's now nor earlier than the request.
      const at = Math.max(Date.parse(d.request.createdAt!) + hourMs, end - (i + 1) * 5 * hourMs);
      return {
        userId: person.id,
        kind: d.kind,
        requestId: d.request.id,
        actorId: d.actor?.id ?? null,
        text: d.text,
        createdAt: iso(Math.min(at, end)),
        readAt: i < 3 ? null : iso(Math.min(at + hourMs, end)),
        mail: 'none' as const,
        occasion: d.kind === 'due_soon' ? (d.request.dueDate ?? null) : null,
      };
    }),
  );
  // Oldest first, so ids grow with time as they do live (the bell orders by id).
  rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (rows.length) tx.insert(notifications).values(rows).run();
}

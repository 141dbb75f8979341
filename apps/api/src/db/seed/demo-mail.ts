import { and, asc, count, eq, ne } from 'drizzle-orm';
import { readPublicUrl } from '../../config';
import { requestKey } from '@altitude/shared/requests';
import type { Db } from '../client';
import { requests, users } from '../schema';
import { notifications } from '../schema-notifications';
import { insertMessage } from '../../modules/mail/outbox';
import { runWeeklyBrief } from '../../modules/digests/brief-job';
import type { JobContext } from '../../modules/digests/job-context';
import { runDailyDigest, runNotificationBatches } from '../../modules/digests/notification-jobs';
import { mailBaseUrl } from '../../modules/digests/unsubscribe-headers';

const minute = 60_000;

const idOf = (db: Db, email: string) => db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;

/**
 * A handful of notification rows for the mail demo, written only when no other code seeded any
 * (the bell's own demo notifications take precedence once they exist): two immediate ones for
 * the marketer (one batch) and three digest ones for the Sales requester (one digest).
 */
function seedMailDemoNotifications(db: Db, today: Date) {
  if ((db.select({ n: count() }).from(notifications).get()?.n ?? 0) > 0) return;
  const marketer = idOf(db, 'marketer@example.com');
  const sam = idOf(db, 'sales@example.com');
  const open = (where: ReturnType<typeof and>) =>
    db.select({ id: requests.id, title: requests.title }).from(requests).where(where).orderBy(asc(requests.id)).limit(3).all();
  const mine = open(and(eq(requests.requesterId, sam), ne(requests.status, 'done')));
  const assigned = open(eq(requests.assigneeId, marketer));
  const at = (minutesAgo: number) => new Date(today.getTime() - minutesAgo * minute).toISOString();
  const rows: (typeof notifications.$inferInsert)[] = [];
  const [a, b] = assigned;
  if (a)
    rows.push({
      userId: marketer,
      kind: 'assigned',
      requestId: a.id,
      text: `Claire Morgan assigned ${requestKey(a.id)} to you`,
      mail: 'immediate',
      createdAt: at(12),
    });
  if (b)
    rows.push({
      userId: marketer,
      kind: 'mentioned',
      requestId: b.id,
      text: `Sam Reyes mentioned you on ${requestKey(b.id)}`,
      mail: 'immediate',
      createdAt: at(9),
    });
  const texts = ['Max Ortega moved {key} to In progress', 'Max Ortega commented on {key}', 'Nina Kowalski moved {key} to Review'];
  const kinds = ['status_changed', 'commented', 'status_changed'] as const;
  mine.forEach((r, i) =>
    rows.push({
      userId: sam,
      kind: kinds[i]!,
      requestId: r.id,
      text: texts[i]!.replace('{key}', requestKey(r.id)),
      mail: 'digest',
      createdAt: at(20 * 60 - i * 90),
    }),
  );
  if (rows.length) db.insert(notifications).values(rows).run();
}

/**
 * Runs the mail jobs once over the demo at `today`, so Settings → Outbox shows a notification
 * batch, a daily digest and a weekly brief on first open. The messages are `kept` even when SMTP
 * is configured (nobody reads the demo addresses), and the slots are recorded, so the scheduler
 * does not send the same digest and brief again when the app starts.
 */
export function seedDemoMail(db: Db, today: Date): void {
  seedMailDemoNotifications(db, today);
  const ctx: JobContext = {
    db,
    now: today,
    baseUrl: mailBaseUrl(readPublicUrl(process.env.PUBLIC_URL)),
    enqueue: (tx, mail) => insertMessage(tx, mail, today, false),
    batchMinutes: 3,
  };
  runNotificationBatches(ctx);
  runDailyDigest(ctx);
  runWeeklyBrief(ctx);
}

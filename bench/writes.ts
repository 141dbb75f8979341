// Issue 14's "email on" half of the write rows: a deliberately slow SMTP server the bench runs
// itself, a backlog in the outbox so the sender is busy with it for the whole run, and the mail
// the run produced, read back from the database once the server has stopped.
import { closeDatabase, openDatabase } from '../apps/api/src/db/client';
import { startSmtpSink } from '../apps/api/test/smtp-sink';

/** How long the sink holds its answer to each message's DATA: a slow server, as issue 14 asks. */
export const smtpDelayMs = 2000;

export type SlowSmtp = Awaited<ReturnType<typeof startSmtpSink>>;

/** The API tests' SMTP sink (a real smtp-server on loopback) answering every message ~2 s late. */
export function startSlowSmtp(): Promise<SlowSmtp> {
  return startSmtpSink({ holdAnswer: () => new Promise((resolve) => setTimeout(resolve, smtpDelayMs)) });
}

/**
 * Queues `count` messages due now, before the server starts: the sender then talks to the slow
 * server all through the write rows (one message per ~2 s), whatever the writes themselves mail.
 */
export function queueBacklog(file: string, count: number): void {
  const db = openDatabase(file);
  try {
    const insert = db.$client.prepare(
      "insert into messages (\"to\", subject, text, html, kind, status, next_attempt_at, created_at) values (?, ?, 'Bench backlog.', '<p>Bench backlog.</p>', 'notification', 'queued', ?, ?)",
    );
    const at = new Date().toISOString();
    db.$client.transaction(() => {
      for (let i = 0; i < count; i++) insert.run(`bench-${i}@example.com`, `Bench backlog ${i + 1}`, at, at);
    })();
  } finally {
    closeDatabase(db);
  }
}

export interface MailCounts {
  /** Notifications marked for email (right away or in the digest): the mail the writes produced. */
  notificationsForMail: number;
  /** Outbox messages by status. */
  messages: Record<string, number>;
}

/** What the database holds of mail; read with the server stopped. */
export function mailCounts(file: string): MailCounts {
  const db = openDatabase(file);
  try {
    const n = db.$client.prepare("select count(*) as n from notifications where mail <> 'none'").get() as { n: number };
    const rows = db.$client.prepare('select status, count(*) as n from messages group by status').all() as { status: string; n: number }[];
    return { notificationsForMail: n.n, messages: Object.fromEntries(rows.map((r) => [r.status, r.n])) };
  } finally {
    closeDatabase(db);
  }
}

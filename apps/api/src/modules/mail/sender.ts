import type { FastifyBaseLogger } from 'fastify';
import type { MessageKind } from '@altitude/shared/outbox';
import nodemailer from 'nodemailer';
import { and, asc, eq, lte, min } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { messages } from '../../db/schema';
import { maxAttempts, retryDelayMinutes } from './backoff';
import { insertMessage, type Mail } from './outbox';

export interface SmtpSettings {
  /** SMTP_URL, e.g. `smtps://user:pass@smtp.example.com` or `smtp://127.0.0.1:2525`. */
  url: string;
  /** MAIL_FROM, e.g. `Altitude <altitude@example.com>`. */
  from: string;
}

export interface Mailer {
  /** True when an SMTP server is configured; otherwise messages are kept in the outbox. */
  readonly delivers: boolean;
  /**
   * Puts a message in the outbox inside the caller's (synchronous) transaction; the sender
   * picks it up once the current event-loop turn, and so the transaction, is over.
   */
  enqueue(tx: Queryable, mail: Mail): number;
  /** Sends every queued message that is due now (by the app's clock); resolves with how many were sent. */
  runDue(): Promise<number>;
  /** Stops the loop; an attempt in flight gets a moment to finish. */
  stop(): Promise<void>;
}

/** A single pass sends at most this many, so one pass never holds the loop for long. */
const batch = 20;
/** Even with nothing due, the loop looks again this often (a message queued by another path, a clock change). */
const idleLookMs = 5 * 60_000;

/**
 * The in-process sender: the outbox table is the queue, so a restart loses nothing (a message
 * being sent when the process died is sent again: at least once). Passes never overlap; a
 * message that fails waits 1, 5, 25, 125 minutes (backoff.ts) and is `failed` after 5 attempts.
 * Sending happens after the response, on its own timers: a slow or dead SMTP server never
 * holds up a request.
 */
export function createMailer(opts: {
  db: Db;
  now: () => Date;
  smtp: SmtpSettings | null;
  log: FastifyBaseLogger;
  /** Extra headers for a message, worked out when it is sent (List-Unsubscribe: the outbox stores no headers). */
  headers?: (message: { to: string; kind: MessageKind }) => Record<string, string> | undefined;
}): Mailer {
  const { db, now, smtp, log } = opts;
  const transport = smtp
    ? nodemailer.createTransport({
        url: smtp.url,
        // Bounded, so shutdown and the next attempt are never stuck behind a silent server.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      } as Parameters<typeof nodemailer.createTransport>[0])
    : null;
  let timer: NodeJS.Timeout | null = null;
  let pass: Promise<number> | null = null;
  let again = false;
  let stopped = false;

  const due = (at: Date) =>
    db
      .select()
      .from(messages)
      .where(and(eq(messages.status, 'queued'), lte(messages.nextAttemptAt, at.toISOString())))
      .orderBy(asc(messages.nextAttemptAt), asc(messages.id))
      .limit(batch)
      .all();

  async function sendDue(): Promise<{ sent: number; more: boolean }> {
    if (!transport || !smtp) return { sent: 0, more: false };
    const rows = due(now());
    let sent = 0;
    for (const m of rows) {
      if (stopped) break;
      let error: string | null = null;
      try {
        const headers = opts.headers?.(m);
        await transport.sendMail({
          from: smtp.from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          ...(headers ? { headers } : {}),
        });
      } catch (err) {
        error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      }
      // The database closes once the app has stopped; the next start sends it again.
      if (stopped && !db.$client.open) break;
      const at = now();
      const attempts = m.attempts + 1;
      const giveUp = error !== null && attempts >= maxAttempts;
      db.update(messages)
        .set({
          attempts,
          status: error === null ? 'sent' : giveUp ? 'failed' : 'queued',
          lastError: error,
          sentAt: error === null ? at.toISOString() : null,
          nextAttemptAt: error === null || giveUp ? null : new Date(at.getTime() + retryDelayMinutes(attempts) * 60_000).toISOString(),
        })
        .where(and(eq(messages.id, m.id), eq(messages.status, 'queued')))
        .run();
      if (error === null) sent++;
      else
        log[giveUp ? 'error' : 'warn'](
          { messageId: m.id, attempts, err: error },
          giveUp ? 'email failed for good' : 'email not sent; will retry',
        );
    }
    return { sent, more: rows.length === batch };
  }

  /** Wakes at the next message due (or after a while), by the app's clock. */
  function scheduleNext() {
    if (stopped || !transport || !db.$client.open) return;
    if (timer) clearTimeout(timer);
    const next = db
      .select({ at: min(messages.nextAttemptAt) })
      .from(messages)
      .where(eq(messages.status, 'queued'))
      .get()?.at;
    const wait = next ? Math.min(idleLookMs, Math.max(0, Date.parse(next) - now().getTime())) : idleLookMs;
    timer = setTimeout(() => void runDue(), wait);
    timer.unref();
  }

  function runDue(): Promise<number> {
    if (pass) {
      again = true;
      return pass;
    }
    pass = (async () => {
      let sent = 0;
      let more = true;
      while (more && !stopped) {
        again = false;
        const result = await sendDue();
        sent += result.sent;
        more = result.more || again;
      }
      return sent;
    })()
      .catch((err: unknown) => {
        log.error({ err }, 'the email sender failed');
        return 0;
      })
      .finally(() => {
        pass = null;
        scheduleNext();
      });
    return pass;
  }

  return {
    delivers: transport !== null,
    enqueue(tx, mail) {
      const id = insertMessage(tx, mail, now(), transport !== null);
      // Runs after the synchronous transaction has committed (or rolled back: then nothing is due).
      if (transport) setImmediate(() => void runDue());
      return id;
    },
    runDue,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      transport?.close();
      if (pass) await Promise.race([pass, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    },
  };
}

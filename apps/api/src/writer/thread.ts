import type { MessagePort } from 'node:worker_threads';
import { restartWalNow } from '../db/checkpointer';
import { openDatabase } from '../db/client';
import { dataVersion as dataVersionOf } from '../db/data-version';
import { HttpProblem } from '../errors';
import { writeAsQueued } from '../modules/auth/actor';
import { bindSessionId } from '../modules/auth/sessions';
import { installChangeLog } from '../modules/board/change-log';
import { forgetBusinessCalendar } from '../modules/service-levels/business-calendar';
import type { Batch, WireError, WriterMessage, WriterReply } from './messages';
import { writerOps } from './ops';

const wire = (error: unknown): WireError =>
  error instanceof HttpProblem
    ? { problem: true, status: error.status, code: error.code, message: error.message, errors: error.errors, extra: error.extra }
    : {
        problem: false,
        message: error instanceof Error ? error.message : String(error),
        stack: error instanceof Error ? error.stack : undefined,
      };

/** The writer thread: its own connection and commit queue (writer.ts). */
export function start(port: MessagePort, { file }: { file: string }): void {
  const db = openDatabase(file);
  const sqlite = db.$client;
  // The main thread's checkpointer copies the WAL; it asks this thread, the writer, to start it over.
  sqlite.pragma('wal_autocheckpoint = 0');
  // The requests this connection changed, read after each commit and handed to the main thread,
  // whose board snapshot patches those cards instead of rebuilding (change-log.ts).
  installChangeLog(sqlite);
  const logged = sqlite.prepare<[], number>('select request_id from temp.board_log order by seq').pluck();
  const clear = sqlite.prepare('delete from temp.board_log');
  /** What the groups committed since the last call changed; the log is emptied, as nothing else reads it. */
  const changedSinceLast = (): number[] => {
    const ids = logged.all();
    if (ids.length) clear.run();
    return ids;
  };
  // Another connection's commit (a lead's new holiday or time zone, on the main thread) may have
  // changed what this connection keeps: its business calendar is read again.
  const dataVersion = () => dataVersionOf(sqlite);
  let seenVersion = dataVersion();
  let inFlight = 0;
  let stopping = false;
  // Answers wait for the end of this turn (a group's answers settle together after its COMMIT) and leave as one message.
  let outbox: WriterReply[] = [];
  const flush = () => {
    if (!outbox.length) return;
    const messages = outbox;
    outbox = [];
    port.postMessage({ type: 'batch', messages } satisfies Batch<WriterReply>);
  };
  const send = (reply: WriterReply) => {
    if (!outbox.length) setImmediate(flush);
    outbox.push(reply);
  };
  const stopIfIdle = () => {
    if (!stopping || inFlight > 0) return;
    flush();
    if (sqlite.open) sqlite.close();
    port.close();
  };

  port.on('message', (batch: Batch<WriterMessage>) => batch.messages.forEach(receive));
  function receive(message: WriterMessage) {
    if (message.type === 'stop') {
      stopping = true;
      // Jobs already received are queued for the next group: they commit and answer first.
      setImmediate(stopIfIdle);
      return;
    }
    if (message.type === 'restart') {
      // Between groups (bodies are synchronous), never inside a transaction.
      restartWalNow(sqlite);
      send({ type: 'restarted' });
      // At once: the checkpointer asks again only after this answer.
      flush();
      return;
    }
    const { id, op, actor, sessionId, args } = message;
    const { access, body } = writerOps[op];
    const user = sessionId === undefined ? actor : bindSessionId(actor, sessionId);
    inFlight++;
    writeAsQueued(db, user, access, (tx, fresh) => {
      const now = dataVersion();
      if (now !== seenVersion) {
        seenVersion = now;
        forgetBusinessCalendar(tx);
      }
      return body(tx, fresh, args as never);
    })
      .then(
        (value) => send({ type: 'result', id, ok: true, value, changed: changedSinceLast() }),
        (error: unknown) => send({ type: 'result', id, ok: false, error: wire(error), changed: changedSinceLast() }),
      )
      .finally(() => {
        inFlight--;
        stopIfIdle();
      });
  }
  port.postMessage({ type: 'ready' } satisfies WriterReply);
}

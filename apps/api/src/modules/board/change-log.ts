import type Database from 'better-sqlite3';
import { dataVersion } from '../../db/data-version';
import type { WriteOutcome } from '../../writer/messages';

/** A workflow column changed (a WIP limit): the whole board must be rebuilt. */
export const allCards = -1;

/** Connections whose change log is installed. */
const installed = new WeakSet<Database.Database>();

/**
 * Which requests this connection changed, in commit order, so the board can patch the cards
 * that changed instead of rebuilding thousands. TEMP triggers live only on this connection
 * and write to a TEMP table, so every write path (service, settings, a test poking the
 * database) is logged, and a rolled-back change rolls its log rows back too. Writes from
 * other connections are not logged: readers notice them through `pragma data_version`.
 * Installed by the board snapshot, so only the app's connection pays for the triggers (a CLI,
 * a backup or a seed opening the database writes no log nobody reads). Installed once per
 * connection (asked again, it returns at once: the writer thread's answers ask on every write).
 */
export function installChangeLog(sqlite: Database.Database): void {
  if (installed.has(sqlite)) return;
  const log = (id: string) => `insert into board_log(request_id) values (${id});`;
  sqlite.exec(`
    create temp table if not exists board_log (seq integer primary key, request_id integer not null);
    create temp trigger if not exists board_log_request_insert after insert on main.requests begin ${log('new.id')} end;
    create temp trigger if not exists board_log_request_update after update on main.requests begin ${log('new.id')} end;
    create temp trigger if not exists board_log_request_delete after delete on main.requests begin ${log('old.id')} end;
    create temp trigger if not exists board_log_time_insert after insert on main.time_entries begin ${log('new.request_id')} end;
    create temp trigger if not exists board_log_time_update after update of minutes, request_id on main.time_entries begin ${log('old.request_id')} ${log('new.request_id')} end;
    create temp trigger if not exists board_log_time_delete after delete on main.time_entries begin ${log('old.request_id')} end;
    create temp trigger if not exists board_log_columns_insert after insert on main.workflow_columns begin ${log(String(allCards))} end;
    create temp trigger if not exists board_log_columns_update after update on main.workflow_columns begin ${log(String(allCards))} end;
    create temp trigger if not exists board_log_columns_delete after delete on main.workflow_columns begin ${log(String(allCards))} end;
  `);
  installed.add(sqlite);
}

/** Per connection: logs requests another connection changed, in one transaction (compiled once). */
const loggers = new WeakMap<Database.Database, (ids: number[]) => void>();

function logForeign(sqlite: Database.Database, ids: number[]): void {
  let logger = loggers.get(sqlite);
  if (!logger) {
    installChangeLog(sqlite);
    const insert = sqlite.prepare('insert into temp.board_log(request_id) values (?)');
    logger = sqlite.transaction((changed: number[]) => changed.forEach((id) => insert.run(id)));
    loggers.set(sqlite, logger);
  }
  logger(ids);
}

/** Per connection: writes handed to another connection of this app (the writer thread) and not yet answered. */
const inFlight = new WeakMap<Database.Database, number>();
/** Per connection: its `data_version` once the changes of the other connection's answered writes were logged. */
const accountedVersions = new WeakMap<Database.Database, number>();

/** A write was handed to the writer thread (writer/writer.ts): until it answers, its commit is expected. */
export function foreignWriteStarted(sqlite: Database.Database): void {
  inFlight.set(sqlite, (inFlight.get(sqlite) ?? 0) + 1);
}

/**
 * A write handed to the writer thread settled; `ids`: the requests its group changed (on the
 * group's first answer), logged here as if this connection had changed them, so the board
 * snapshot patches those cards. The connection's `data_version` is then accounted for.
 */
export function foreignWriteSettled(sqlite: Database.Database, ids: number[], outcome: WriteOutcome): void {
  if (ids.length) logForeign(sqlite, ids);
  // Read once per group, not per answer (it costs a read snapshot): a group that changed requests
  // says so in its first answer, and a done write changes a request; a group of refusals (rolled
  // back to their savepoints) changed none but still committed and moved the version, so each
  // refusal reads it. A failed thread's version is never accounted: the board rebuilds.
  if (outcome !== 'failed' && (ids.length || outcome === 'refused')) accountedVersions.set(sqlite, dataVersion(sqlite));
  inFlight.set(sqlite, Math.max(0, (inFlight.get(sqlite) ?? 0) - 1));
}

/**
 * Whether another connection's commits, now seen as `dataVersion`, are the writer thread's, whose
 * changes arrive in this log: it has writes in flight (their changes are logged when they answer,
 * and until then nobody was told of them), or its answered ones brought the version here. Any
 * other commit (a script) is unknown: the board rebuilds. The price: a script's commit landing
 * while the writer thread is busy goes unseen until the next rebuild; nothing but the app writes
 * while it runs.
 */
export function foreignCommitKnown(sqlite: Database.Database, dataVersion: number): boolean {
  return (inFlight.get(sqlite) ?? 0) > 0 || accountedVersions.get(sqlite) === dataVersion;
}

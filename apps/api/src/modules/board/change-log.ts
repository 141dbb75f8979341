import type Database from 'better-sqlite3';

/** A workflow column changed (a WIP limit): the whole board must be rebuilt. */
export const allCards = -1;

/**
 * Which requests this connection changed, in commit order, so the board can patch the cards
 * that changed instead of rebuilding thousands. TEMP triggers live only on this connection
 * and write to a TEMP table, so every write path (service, settings, a test poking the
 * database) is logged, and a rolled-back change rolls its log rows back too. Writes from
 * other connections are not logged: readers notice them through `pragma data_version`.
 * Installed by the board snapshot, so only the app's connection pays for the triggers (a CLI,
 * a backup or a seed opening the database writes no log nobody reads). Installing twice on one
 * connection is harmless.
 */
export function installChangeLog(sqlite: Database.Database): void {
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
}

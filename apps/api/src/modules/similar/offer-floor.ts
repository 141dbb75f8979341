import type Database from 'better-sqlite3';
import { openStatuses } from '@altitude/shared/domain';
import { dataVersion } from '../../db/data-version';

/**
 * The lowest id that can be offered (open, or delivered since `since`). Most of a large table is
 * closed long ago and, ids following filing time, sits below it: FTS5 skips those rows by rowid
 * instead of scoring each one.
 *
 * Computing it walks every open and recently delivered row of an index (28,000 at 100,000
 * requests: about 2 ms, a fifth of a lookup), so it is kept per connection. A kept floor stays
 * right as long as it is at most the true one: it only has to skip nothing that may be offered.
 * The true floor rises on its own (requests close, deliveries age past the window, `since`
 * moves on) and falls only when a row below it changes status or completion, a reopen. So:
 * - a temporary trigger on this connection drops the floor when such a row changes;
 * - `PRAGMA data_version` (which moves when another connection commits: a script, a restore)
 *   drops it too;
 * - it is computed afresh every ten minutes anyway, so that it rises.
 */

const open = openStatuses.map((s) => `'${s}'`).join(', ');
const floorSql = `select coalesce(min(id), 1 << 62) from (
    select min(id) as id from requests where status in (${open})
    union all
    select min(id) from requests where status = 'done' and completed_at >= @since)`;
const refreshAfterMs = 10 * 60_000;
const movedFunction = 'similar_offer_floor_moved';

interface Floor {
  floor: number;
  since: string;
  dataVersion: number;
  computedAt: number;
}
const floors = new WeakMap<Database.Database, Floor>();
const watched = new WeakSet<Database.Database>();

function watch(sqlite: Database.Database): void {
  if (watched.has(sqlite)) return;
  sqlite.function(movedFunction, { deterministic: false }, (id) => {
    const kept = floors.get(sqlite);
    if (kept && typeof id === 'number' && id < kept.floor) floors.delete(sqlite);
    return null;
  });
  // temp: on this connection only, never written to the database file.
  sqlite.exec(`create temp trigger if not exists similar_offer_floor after update of status, completed_at on main.requests
    begin select ${movedFunction}(old.id); end`);
  watched.add(sqlite);
}

/** The lowest id a lookup at `now` (window start `since`, an ISO instant) may offer; nothing below it may be. */
export function offerFloor(sqlite: Database.Database, since: string, now: number): number {
  watch(sqlite);
  const version = dataVersion(sqlite);
  const kept = floors.get(sqlite);
  // A later `since` only shrinks the window, so a floor computed for an earlier one still holds.
  if (kept && kept.dataVersion === version && kept.since <= since && now - kept.computedAt < refreshAfterMs) return kept.floor;
  const floor = sqlite.prepare(floorSql).pluck().get({ since }) as number;
  floors.set(sqlite, { floor, since, dataVersion: version, computedAt: now });
  return floor;
}

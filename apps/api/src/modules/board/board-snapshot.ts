import { Readable, type Writable } from 'node:stream';
import { inArray } from 'drizzle-orm';
import { isClosedStatus, openStatuses, reportClassOf, type ReportClass } from '@altitude/shared/domain';
import type { BusinessCalendar } from '@altitude/shared/business-time';
import type { SlaState } from '@altitude/shared/service-levels';
import type { BoardColumn } from '@altitude/shared/requests';
import { allCards, foreignCommitKnown, installChangeLog } from './change-log';
import type { Db } from '../../db/client';
import { dataVersion } from '../../db/data-version';
import { requests } from '../../db/schema';
import { findCard } from '../requests/requests.queries';
import { slaStatesWhere } from '../requests/sla-filter';
import { businessCalendar } from '../service-levels/business-calendar';
import { readBoard, readClosedColumnPage } from './board.queries';
import { CardList, type CardEntry } from './card-list';

interface Column {
  head: Omit<BoardColumn, 'cards' | 'nextCursor'>;
  nextCursor: string | null;
  cards: CardList;
}

/** Past this many changed cards a rebuild is cheaper than patching one by one. */
const patchLimit = 250;

const [open, comma, close] = ['{"columns":[', ',', ']}'].map((s) => Buffer.from(s)) as [Buffer, Buffer, Buffer];

const minuteMs = 60_000;

/**
 * The board's answer as it stands until the next change: the serialised pieces in order (column
 * heads and the cards' cached 64-card chunks, shared with the snapshot, never copied) and their
 * total length, for Content-Length.
 */
export interface BoardBody {
  parts: readonly Buffer[];
  length: number;
}

/**
 * Streams a body's pieces to the socket as they are. Joining them would allocate a 1.2 MB copy
 * per board after every change; outside V8's heap, that churn brought on the major garbage
 * collections that made the board's read tail under load. The pieces are all in memory already,
 * so piping (what Fastify does with a stream) writes them in one corked burst, which leaves the
 * socket one `writev` of references to them, instead of a flow-controlled write per piece; the
 * socket keeps what it cannot take yet. Read as an ordinary stream (HEAD drains it), it yields
 * the pieces in order.
 */
export class PartsStream extends Readable {
  constructor(private readonly parts: readonly Buffer[]) {
    super();
  }

  override _read(): void {
    for (const part of this.parts) this.push(part);
    this.push(null);
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    const out = destination as unknown as Writable;
    out.cork();
    for (const part of this.parts) out.write(part);
    if (options?.end === false) out.uncork();
    else out.end();
    // Done: end this side too, so whoever watches it (Fastify does) sees it finish.
    this.push(null);
    this.resume();
    return destination;
  }
}

const entryOf = (card: { id: number; position: string }): CardEntry => ({
  id: card.id,
  position: card.position,
  json: JSON.stringify(card),
});
const listOf = (cards: { id: number; position: string }[]) => new CardList(cards.map(entryOf));

/**
 * The unfiltered board, kept as serialised cards and patched from the connection's change log
 * (change-log.ts, installed here): after a move only the changed card is read again and two columns are
 * re-joined, where a rebuild would read and serialise every open card. A commit by another
 * connection (`data_version`), a WIP limit change or a burst of changes (a rebalance) rebuilds.
 * The answer is byte for byte what `readBoard` serialises; a test holds the two together.
 *
 * Cards carry their SLA state, which time alone changes: when the clock enters a new minute (the
 * state's grain), the open cards' states are computed again from their clock columns and the
 * cards whose state moved are patched; a new business calendar (holidays, time zone) rebuilds.
 */
export class BoardSnapshot {
  private columns: Column[] | null = null;
  private seq = 0;
  private dataVersion = -1;
  private prunedTo = 0;
  /** The whole answer in pieces, until the next change. */
  private body: BoardBody | null = null;
  private readonly logAfter;
  private readonly lastSeq;
  private readonly dataVersionOf;
  /** The minute the open cards' SLA states were last brought up to, and the calendar they were computed with. */
  private slaMinute = -1;
  private calendar: BusinessCalendar | null = null;
  /** The SLA state each open card was serialised with. */
  private readonly slaStates = new Map<number, SlaState | null>();
  /** Each open card's lane (report class), so a patch recounts a column's lanes without reading it again. */
  private readonly lanes = new Map<number, ReportClass>();

  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {
    const sqlite = db.$client;
    installChangeLog(sqlite);
    this.logAfter = sqlite.prepare<[number], { seq: number; requestId: number }>(
      'select seq, request_id as requestId from temp.board_log where seq > ? order by seq',
    );
    this.lastSeq = sqlite.prepare('select coalesce(max(seq), 0) from temp.board_log').pluck();
    this.dataVersionOf = () => dataVersion(sqlite);
  }

  /**
   * The board as UTF-8 JSON, as it stands now, in pieces to send one after another (see
   * `PartsStream`). Bytes rather than a string: a board is about a megabyte, and encoding it
   * again for every read was the largest cost of serving it. `unchanged` says the pieces are the
   * ones the previous call returned: nothing on the board changed in between.
   */
  answer(): BoardBody & { unchanged: boolean } {
    const now = this.clock();
    this.catchUp(now);
    this.catchUpSla(now);
    if (this.body) return { ...this.body, unchanged: true };
    const parts: Buffer[] = [open];
    this.columns!.forEach((c, i) => {
      if (i) parts.push(comma);
      parts.push(...this.columnParts(c));
    });
    parts.push(close);
    this.body = { parts, length: parts.reduce((n, p) => n + p.length, 0) };
    return { ...this.body, unchanged: false };
  }

  private catchUp(now: Date): void {
    const dataVersion = this.dataVersionOf();
    const calendar = businessCalendar(this.db);
    // Another connection's commit rebuilds, unless it is the writer thread's, whose changes arrive in the log.
    const unknown = dataVersion !== this.dataVersion && !foreignCommitKnown(this.db.$client, dataVersion);
    if (!this.columns || unknown || calendar !== this.calendar) return this.rebuild(dataVersion, now);
    this.dataVersion = dataVersion;
    const changes = this.logAfter.all(this.seq);
    if (changes.length === 0) return;
    const ids = new Set(changes.map((c) => c.requestId));
    if (ids.has(allCards) || ids.size > patchLimit) return this.rebuild(dataVersion, now);
    this.seq = changes[changes.length - 1]!.seq;
    this.patch(ids, now);
    this.pruneLog();
  }

  /** In a new minute, patches the open cards whose SLA state moved since they were serialised. */
  private catchUpSla(now: Date): void {
    const minute = Math.floor(now.getTime() / minuteMs);
    if (minute === this.slaMinute) return;
    this.slaMinute = minute;
    const moved = new Set<number>();
    for (const [id, state] of slaStatesWhere(this.db, [inArray(requests.status, [...openStatuses])], now))
      if (this.slaStates.get(id) !== state) moved.add(id);
    if (moved.size > patchLimit) return this.rebuild(this.dataVersion, now);
    if (moved.size) this.patch(moved, now);
  }

  private rebuild(dataVersion: number, now: Date): void {
    // The log is read before the board, so a change can only make the next read patch twice.
    this.seq = Number(this.lastSeq.get());
    this.dataVersion = dataVersion;
    this.calendar = businessCalendar(this.db);
    this.slaMinute = Math.floor(now.getTime() / minuteMs);
    this.body = null;
    this.slaStates.clear();
    this.lanes.clear();
    this.columns = readBoard(this.db, [], now).columns.map(({ cards, nextCursor, ...head }) => {
      if (!isClosedStatus(head.status))
        for (const card of cards) {
          this.slaStates.set(card.id, card.slaState);
          this.lanes.set(card.id, reportClassOf(card));
        }
      return { head, nextCursor, cards: listOf(cards) };
    });
    this.pruneLog();
  }

  private patch(ids: Set<number>, now: Date): void {
    this.body = null;
    const columns = this.columns!;
    const byStatus = new Map(columns.map((c) => [c.head.status, c]));
    let closedTouched = false;
    const found = new Set<number>();
    for (const column of columns) {
      if (isClosedStatus(column.head.status)) continue;
      column.cards.removeAll(ids).forEach((id) => found.add(id));
    }
    // A changed card that was in no open column was closed (or is new, or gone): closed pages are re-read.
    if (found.size !== ids.size) closedTouched = true;
    for (const id of ids) {
      this.slaStates.delete(id);
      this.lanes.delete(id);
      const card = findCard(this.db, id, now);
      if (!card) continue;
      if (isClosedStatus(card.status)) {
        closedTouched = true;
        continue;
      }
      const column = byStatus.get(card.status)!;
      this.slaStates.set(id, card.slaState);
      this.lanes.set(id, reportClassOf(card));
      column.cards.insert(entryOf(card));
    }
    for (const column of columns) {
      const status = column.head.status;
      if (!isClosedStatus(status)) {
        column.head.count = column.cards.length;
        column.head.total = column.cards.length;
        const laneCounts = { strategic: 0, tactical: 0, unclassified: 0 };
        for (const id of column.cards.ids()) laneCounts[this.lanes.get(id)!] += 1;
        column.head.laneCounts = laneCounts;
      } else if (closedTouched) {
        const { cards, nextCursor, ...head } = readClosedColumnPage(this.db, status, [], undefined, now);
        Object.assign(column, { head, nextCursor, cards: listOf(cards) });
      }
    }
  }

  /** A column's JSON in pieces: its cards come from chunks serialised when they last changed. */
  private columnParts(column: Column): Buffer[] {
    return [
      Buffer.from(`${JSON.stringify(column.head).slice(0, -1)},"cards":[`),
      ...column.cards.parts(),
      Buffer.from(`],"nextCursor":${JSON.stringify(column.nextCursor)}}`),
    ];
  }

  /**
   * The log only needs what is newer than the snapshot; trimmed now and then, not on every read.
   * The newest row stays: SQLite numbers a new row one past the largest left in the table, so an
   * emptied log would number the next changes from 1 again, below `seq`, and they would be missed.
   */
  private pruneLog(): void {
    if (this.seq - this.prunedTo < 5000) return;
    this.db.$client.prepare('delete from temp.board_log where seq < ?').run(this.seq);
    this.prunedTo = this.seq;
  }
}

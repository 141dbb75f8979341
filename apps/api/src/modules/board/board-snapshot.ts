import { isClosedStatus } from '@altitude/shared/domain';
import type { BoardColumn } from '@altitude/shared/requests';
import { allCards, installChangeLog } from './change-log';
import type { Db } from '../../db/client';
import { findCard } from '../requests/requests.queries';
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
 */
export class BoardSnapshot {
  private columns: Column[] | null = null;
  private seq = 0;
  private dataVersion = -1;
  private prunedTo = 0;
  /** The whole answer, until the next change. */
  private body: Buffer | null = null;
  private readonly logAfter;
  private readonly lastSeq;
  private readonly dataVersionOf;

  constructor(private readonly db: Db) {
    const sqlite = db.$client;
    installChangeLog(sqlite);
    this.logAfter = sqlite.prepare<[number], { seq: number; requestId: number }>(
      'select seq, request_id as requestId from temp.board_log where seq > ? order by seq',
    );
    this.lastSeq = sqlite.prepare('select coalesce(max(seq), 0) from temp.board_log').pluck();
    this.dataVersionOf = () => Number(sqlite.pragma('data_version', { simple: true }));
  }

  /**
   * The board as UTF-8 JSON, as it stands now. Bytes rather than a string: a board is about a
   * megabyte, and encoding it again for every read was the largest cost of serving it.
   */
  json(): Buffer {
    this.catchUp();
    if (!this.body) {
      const parts: Buffer[] = [open];
      this.columns!.forEach((c, i) => parts.push(...(i ? [comma] : []), ...this.columnParts(c)));
      parts.push(close);
      this.body = Buffer.concat(parts);
    }
    return this.body;
  }

  private catchUp(): void {
    const dataVersion = this.dataVersionOf();
    if (!this.columns || dataVersion !== this.dataVersion) return this.rebuild(dataVersion);
    const changes = this.logAfter.all(this.seq);
    if (changes.length === 0) return;
    const ids = new Set(changes.map((c) => c.requestId));
    if (ids.has(allCards) || ids.size > patchLimit) return this.rebuild(dataVersion);
    this.seq = changes[changes.length - 1]!.seq;
    this.patch(ids);
    this.pruneLog();
  }

  private rebuild(dataVersion: number): void {
    // The log is read before the board, so a change can only make the next read patch twice.
    this.seq = Number(this.lastSeq.get());
    this.dataVersion = dataVersion;
    this.body = null;
    this.columns = readBoard(this.db, []).columns.map(({ cards, nextCursor, ...head }) => ({ head, nextCursor, cards: listOf(cards) }));
    this.pruneLog();
  }

  private patch(ids: Set<number>): void {
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
      const card = findCard(this.db, id);
      if (!card) continue;
      if (isClosedStatus(card.status)) {
        closedTouched = true;
        continue;
      }
      const column = byStatus.get(card.status)!;
      column.cards.insert(entryOf(card));
    }
    for (const column of columns) {
      const status = column.head.status;
      if (!isClosedStatus(status)) {
        column.head.count = column.cards.length;
      } else if (closedTouched) {
        const { cards, nextCursor, ...head } = readClosedColumnPage(this.db, status, []);
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

  /** The log only needs what is newer than the snapshot; trimmed now and then, not on every read. */
  private pruneLog(): void {
    if (this.seq - this.prunedTo < 5000) return;
    this.db.$client.prepare('delete from temp.board_log where seq <= ?').run(this.seq);
    this.prunedTo = this.seq;
  }
}

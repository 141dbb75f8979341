/** A card ready to ship: its JSON is computed once, when the card changes. */
export interface CardEntry {
  id: number;
  position: string;
  json: string;
}

interface Chunk {
  cards: CardEntry[];
  /** The chunk's cards joined into JSON, or null once a change made it stale. */
  bytes: Buffer | null;
}

const chunkSize = 64;
const comma = Buffer.from(',');

/** Index of the first card at or after `position`; positions are ASCII, so JS order is SQLite's BINARY order. */
function searchPosition(cards: readonly CardEntry[], position: string): number {
  let lo = 0;
  let hi = cards.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cards[mid]!.position < position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A column's cards in position order, held in chunks that each keep their serialised bytes:
 * a move re-serialises the one or two chunks it touched, not the whole column.
 */
export class CardList {
  private chunks: Chunk[];

  constructor(cards: CardEntry[]) {
    this.chunks = [];
    for (let i = 0; i < cards.length; i += chunkSize) this.chunks.push({ cards: cards.slice(i, i + chunkSize), bytes: null });
  }

  get length(): number {
    return this.chunks.reduce((n, c) => n + c.cards.length, 0);
  }

  /** The ids in position order. */
  *ids(): Generator<number> {
    for (const chunk of this.chunks) for (const card of chunk.cards) yield card.id;
  }

  /** Drops the cards whose ids are in `ids`; returns the ids it found. */
  removeAll(ids: ReadonlySet<number>): number[] {
    const found: number[] = [];
    for (const chunk of this.chunks) {
      const kept = chunk.cards.filter((card) => !ids.has(card.id) || (found.push(card.id), false));
      if (kept.length !== chunk.cards.length) Object.assign(chunk, { cards: kept, bytes: null });
    }
    this.chunks = this.chunks.filter((c) => c.cards.length > 0);
    return found;
  }

  insert(entry: CardEntry): void {
    // The first chunk whose last card sorts after the new one, or the last chunk.
    let chunk = this.chunks.find((c) => c.cards[c.cards.length - 1]!.position > entry.position) ?? this.chunks[this.chunks.length - 1];
    if (!chunk) this.chunks.push((chunk = { cards: [], bytes: null }));
    chunk.cards.splice(searchPosition(chunk.cards, entry.position), 0, entry);
    chunk.bytes = null;
    if (chunk.cards.length > 2 * chunkSize) {
      const at = this.chunks.indexOf(chunk);
      this.chunks.splice(
        at,
        1,
        { cards: chunk.cards.slice(0, chunkSize), bytes: null },
        { cards: chunk.cards.slice(chunkSize), bytes: null },
      );
    }
  }

  /** The cards as the inside of a JSON array, in pieces to concatenate. */
  parts(): Buffer[] {
    const parts: Buffer[] = [];
    for (const chunk of this.chunks) {
      chunk.bytes ??= Buffer.from(chunk.cards.map((c) => c.json).join(','));
      if (parts.length) parts.push(comma);
      parts.push(chunk.bytes);
    }
    return parts;
  }
}

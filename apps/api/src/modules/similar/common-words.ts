import type { Db } from '../../db/client';

/**
 * Words in more than half of all requests. FTS5's bm25 gives such a word an IDF of about zero
 * (log((N - n + 0.5) / (n + 0.5)) is clamped to 1e-6), so it changes no ranking, but OR-ing it
 * into the match makes FTS5 score most of the table: at 100,000 requests sharing a brief template,
 * "up" or "brand" alone cost tens of milliseconds. Leaving them out gives the same order, faster.
 *
 * Counting a word's documents walks its whole doclist, so the list is built once per connection
 * and built again when the number of requests has moved by a tenth, or after ten minutes.
 * Below `minDocuments` requests nothing is dropped: a small table is quick to score, and there a
 * word in half the requests may still be the one that matters.
 */
export const minDocuments = 1000;
const refreshAfterMs = 10 * 60_000;

interface Cache {
  documents: number;
  builtAt: number;
  words: Set<string>;
}
const caches = new WeakMap<object, Cache>();

export function commonWords(db: Db, now: number): Set<string> {
  const sqlite = db.$client;
  const documents = sqlite.prepare('select count(*) from requests').pluck().get() as number;
  if (documents < minDocuments) return new Set();
  const cached = caches.get(sqlite);
  if (cached && now - cached.builtAt < refreshAfterMs && Math.abs(documents - cached.documents) <= cached.documents / 10)
    return cached.words;
  // fts5vocab over the index, in this connection's temp schema: nothing is written to the database file.
  sqlite.exec("create virtual table if not exists temp.requests_fts_words using fts5vocab(main, 'requests_fts', 'row')");
  const words = new Set(sqlite.prepare('select term from temp.requests_fts_words where doc * 2 > ?').pluck().all(documents) as string[]);
  caches.set(sqlite, { documents, builtAt: now, words });
  return words;
}

/**
 * The FTS5 MATCH expression for what a requester typed. The text is never handed to FTS5 as
 * syntax: it is cut into words (letters, digits and combining marks, as the unicode61 tokenizer
 * sees them), each word is double-quoted (a phrase of one token, so `NEAR`, `OR`, `-` or `*`
 * typed by someone are plain words or separators), and the words are OR-joined so a title that
 * shares only some of them still matches; bm25 then ranks more shared words higher. The last
 * word becomes a prefix (`"ban"*`), since the requester is still typing it.
 */

/** At most this many words reach FTS5: each one is a doclist to merge, and 200 characters can hold 60. */
export const maxMatchWords = 12;

/**
 * Words that appear in most titles and briefs. They say nothing about what a request is about,
 * and at 100,000 requests OR-ing one of them in would make FTS5 score most of the table.
 */
const stopWords = new Set(
  'an and are as at be by for from has have in into is it its of on or our the their this to we with you your'.split(' '),
);

/**
 * The words of `q` as FTS5 will see them: lower-cased, 2+ letters, no stop words, each once, the
 * word typed last kept last (it becomes the prefix).
 */
export function matchWords(q: string, common: ReadonlySet<string> = new Set()): string[] {
  const words = q
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((w) => [...w].length >= 2 && !stopWords.has(w) && !common.has(w));
  const last = words.at(-1);
  if (last === undefined) return [];
  const earlier = [...new Set(words.slice(0, -1))].filter((w) => w !== last);
  return [...earlier.slice(0, maxMatchWords - 1), last];
}

/**
 * `"roll" OR "up" OR "ban"*`, or null when `q` holds no usable word. `common`: words of the
 * index that carry no weight in bm25 (common-words.ts), left out as stop words are.
 */
export function matchExpression(q: string, common?: ReadonlySet<string>): string | null {
  const words = matchWords(q, common);
  if (!words.length) return null;
  return words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' OR ');
}

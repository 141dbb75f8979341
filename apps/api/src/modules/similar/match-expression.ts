/**
 * The FTS5 MATCH expressions for what a requester typed. The text is never handed to FTS5 as
 * syntax: it is cut into words (letters, digits and combining marks, as the unicode61 tokenizer
 * sees them) and each word is double-quoted (a phrase of one token, so `NEAR`, `OR`, `-` or `*`
 * typed by someone are plain words or separators). Two expressions of the same words:
 * - `any`: the words OR-joined, so a title that shares only some of them still matches; bm25
 *   then ranks more shared words higher;
 * - `all`: the words AND-joined (FTS5's implicit AND), the requests that share every word.
 * Both hold the same phrases, so a request matching `all` has the same bm25 under either.
 * The last word becomes a prefix (`"ban"*`) while the requester is still typing it.
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

/** A word of digits only: a sequence number, a count, a year. */
const isNumber = (w: string) => /^\p{N}+$/u.test(w);

export interface MatchTerms {
  /** Lower-cased, each once, the word typed last kept last. */
  words: string[];
  /** The last of `words` is the last thing typed, so it may be unfinished and is matched as a prefix. */
  prefix: boolean;
}

/**
 * The words of `q` as FTS5 will see them: lower-cased, 2+ letters, no stop words, each once, the
 * word typed last kept last.
 *
 * Numbers are left out when any other word is left: "Case study for the Lisbon summit 20" is
 * about a case study and Lisbon, not about 20. A number is in few requests, so bm25 would give it
 * the largest weight of all (IDF ln(N/n): about 11 for one request in 100,000, against about 2.5
 * for a word in one request of twelve) and offer first a request sharing nothing but "20". A `q`
 * of numbers only keeps them.
 */
export function matchTerms(q: string, common: ReadonlySet<string> = new Set()): MatchTerms {
  const typed = q
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((w) => [...w].length >= 2 && !stopWords.has(w) && !common.has(w));
  const topical = typed.filter((w) => !isNumber(w));
  const words = topical.length ? topical : typed;
  const last = words.at(-1);
  if (last === undefined) return { words: [], prefix: false };
  const earlier = [...new Set(words.slice(0, -1))].filter((w) => w !== last);
  return { words: [...earlier.slice(0, maxMatchWords - 1), last], prefix: last === typed.at(-1) };
}

/** The words of `q` as FTS5 will see them (`matchTerms`). */
export const matchWords = (q: string, common?: ReadonlySet<string>): string[] => matchTerms(q, common).words;

export interface MatchExpressions {
  /** `"roll" OR "up" OR "ban"*` */
  any: string;
  /** `"roll" "up" "ban"*`; the same text as `any` for one word. */
  all: string;
}

/**
 * The two expressions of `q`, or null when it holds no usable word. `common`: words of the
 * index that carry no weight in bm25 (common-words.ts), left out as stop words are.
 */
export function matchExpressions(q: string, common?: ReadonlySet<string>): MatchExpressions | null {
  const { words, prefix } = matchTerms(q, common);
  if (!words.length) return null;
  const phrases = words.map((w, i) => (prefix && i === words.length - 1 ? `"${w}"*` : `"${w}"`));
  return { any: phrases.join(' OR '), all: phrases.join(' ') };
}

/** `"roll" OR "up" OR "ban"*`, or null when `q` holds no usable word. */
export const matchExpression = (q: string, common?: ReadonlySet<string>): string | null => matchExpressions(q, common)?.any ?? null;

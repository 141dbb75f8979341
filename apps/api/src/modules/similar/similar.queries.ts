import type { SessionUser } from '@altitude/shared/auth';
import { openStatuses } from '@altitude/shared/domain';
import type { SimilarRequest } from '@altitude/shared/service-levels';
import { requestKey } from '@altitude/shared/requests';
import type { Db } from '../../db/client';
import type { MatchExpressions } from './match-expression';
import { offerFloor } from './offer-floor';

/**
 * bm25 column weights (requests_fts(title, brief)): a word shared with a title says far more
 * about a duplicate than one somewhere in a long brief.
 */
export const titleWeight = 10;
export const briefWeight = 1;

/** Delivered requests stay on offer this long: "we did this last month" is worth following. */
export const deliveredWindowDays = 90;

/**
 * bm25 answers a negative number, more negative for a closer match, unbounded and scaled by the
 * corpus. The API's `score` is `x / (x + titleWeight)` with `x = -bm25`: 0 for no match, rising
 * towards 1, the same order as bm25. About 0.5 means one rare word shared with the title. The
 * answer is ordered by shared words first (findSimilar), so a score can be above the one before.
 */
export const scoreOf = (bm25: number) => {
  const x = Math.max(0, -bm25);
  return Math.round((x / (x + titleWeight)) * 1000) / 1000;
};

const open = openStatuses.map((s) => `'${s}'`).join(', ');
// Not called `rank`: that is a hidden column of every FTS5 table.
const bm25 = `bm25(requests_fts, ${titleWeight}, ${briefWeight})`;
/** Ties (the same words, the same length) go to the newest request. */
const order = 'order by match_rank, id desc';
const offerable = `(r.status in (${open}) or (r.status = 'done' and r.completed_at >= @since))`;
/** Staff see every request; a requester their own and their department's (as `visibleTo`). */
const visible = (forRequester: boolean) => (forRequester ? 'and (r.department_id = @departmentId or r.requester_id = @userId)' : '');

/*
 * Two steps, because at 100,000 requests the cost is not FTS5 but the `requests` row read for
 * every match (a wide row, a B-tree walk each; measured 3-25 ms for 5,000-7,000 matches against
 * 1-2 ms for the matching itself, bench/README.md). First the index alone ranks the matches and
 * keeps the best `candidates`; then only those rows are read for status and visibility. When too
 * few of them may be offered (a requester of a small department, a word mostly in old work) the
 * one-step query below answers instead: the same rows in the same order, only slower.
 * FTS5's own `order by rank limit n` was slower still: it ignores the rowid bound.
 */
const candidatesSql = `
  select rowid as id, ${bm25} as match_rank
  from requests_fts
  where requests_fts match @match and rowid >= @floor
  ${order}
  limit @candidates`;
const offeredAmong = (forRequester: boolean) => `
  select r.id as id, r.title as title, r.status as status
  from json_each(@ids) c
  cross join requests r on r.id = c.value
  where ${offerable} ${visible(forRequester)}`;
/** `cross join` keeps FTS5 the outer loop. */
const oneStep = (forRequester: boolean) => `
  select r.id as id, r.title as title, r.status as status, ${bm25} as match_rank
  from requests_fts
  cross join requests r on r.id = requests_fts.rowid
  where requests_fts match @match
    and requests_fts.rowid >= @floor
    and ${offerable} ${visible(forRequester)}
  ${order}
  limit @limit`;
const sql = {
  staff: { among: offeredAmong(false), oneStep: oneStep(false) },
  requester: { among: offeredAmong(true), oneStep: oneStep(true) },
};

/** Candidates the index ranks per request answered: enough that a department's share of them fills a page. */
export const candidatesPerResult = 40;

type Row = { id: number; title: string; status: SimilarRequest['status'] };
type Ranked = Row & { match_rank: number };

interface Lookup {
  sqlite: Db['$client'];
  since: string;
  floor: number;
  forRequester: boolean;
  who: { departmentId?: number; userId?: number };
}

/**
 * The best `want` matches of `match` the caller may be offered, leaving out the ids in `taken`,
 * best first. The index ranks `want × candidatesPerResult` candidates; when too few of them may
 * be offered, the one-step query answers instead.
 */
function offered(l: Lookup, match: string, want: number, taken: ReadonlySet<number>): Ranked[] {
  const { among, oneStep } = l.forRequester ? sql.requester : sql.staff;
  const candidates = (want + taken.size) * candidatesPerResult;
  const found = l.sqlite.prepare(candidatesSql).all({ match, floor: l.floor, candidates }) as { id: number; match_rank: number }[];
  const ranked = taken.size ? found.filter((c) => !taken.has(c.id)) : found;
  const rows = new Map(
    (l.sqlite.prepare(among).all({ ids: JSON.stringify(ranked.map((c) => c.id)), since: l.since, ...l.who }) as Row[]).map((r) => [
      r.id,
      r,
    ]),
  );
  const picked: Ranked[] = [];
  for (const c of ranked) {
    const row = rows.get(c.id);
    if (row) picked.push({ ...row, match_rank: c.match_rank });
    if (picked.length === want) return picked;
  }
  // Fewer than asked although the index had more: the rest may lie past the candidates.
  if (found.length < candidates) return picked;
  const all = l.sqlite.prepare(oneStep).all({ match, since: l.since, floor: l.floor, limit: want + taken.size, ...l.who }) as Ranked[];
  return all.filter((r) => !taken.has(r.id)).slice(0, want);
}

/**
 * The closest `limit` matches of `match` (expressions from match-expression.ts) that `user` may
 * see: first the requests sharing every word, by bm25; then, when fewer than `limit`, the best of
 * those sharing some, by bm25. A request sharing every word ranks above one sharing some (as
 * bm25 nearly always has it anyway), and the common case, a title like earlier ones, scores the
 * few requests holding all its words instead of every request holding any (at 100,000 requests,
 * 200 rather than 5,000, bench/README.md). Scores are bm25 of all the words either way.
 */
export function findSimilar(db: Db, user: SessionUser, match: MatchExpressions, limit: number, now: Date): SimilarRequest[] {
  const sqlite = db.$client;
  const since = new Date(now.getTime() - deliveredWindowDays * 86_400_000).toISOString();
  const forRequester = user.role === 'requester';
  const l: Lookup = {
    sqlite,
    since,
    floor: offerFloor(sqlite, since, now.getTime()),
    forRequester,
    who: forRequester ? { departmentId: user.departmentId, userId: user.id } : {},
  };
  const rows = offered(l, match.all, limit, new Set());
  if (rows.length < limit && match.any !== match.all)
    rows.push(...offered(l, match.any, limit - rows.length, new Set(rows.map((r) => r.id))));
  return rows.map((r) => ({ id: r.id, key: requestKey(r.id), title: r.title, status: r.status, score: scoreOf(r.match_rank) }));
}

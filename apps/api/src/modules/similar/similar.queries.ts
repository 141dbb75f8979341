import type { SessionUser } from '@altitude/shared/auth';
import { openStatuses } from '@altitude/shared/domain';
import type { SimilarRequest } from '@altitude/shared/service-levels';
import { requestKey } from '@altitude/shared/requests';
import type { Db } from '../../db/client';

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
 * towards 1, the same order as bm25. About 0.5 means one rare word shared with the title.
 */
export const scoreOf = (bm25: number) => {
  const x = Math.max(0, -bm25);
  return Math.round((x / (x + titleWeight)) * 1000) / 1000;
};

const open = openStatuses.map((s) => `'${s}'`).join(', ');
// Not called `rank`: that is a hidden column of every FTS5 table.
const bm25 = `bm25(requests_fts, ${titleWeight}, ${briefWeight})`;
/**
 * The lowest id that can be offered. Most of a large table is closed long ago and, ids following
 * filing time, sits below it: FTS5 skips those rows by rowid instead of scoring each one and
 * looking it up (two B-tree reads a match). `cross join` keeps FTS5 the outer loop.
 */
const firstCandidate = `select coalesce(min(id), 1 << 62) from (
    select min(id) as id from requests where status in (${open})
    union all
    select min(id) from requests where status = 'done' and completed_at >= @since)`;
/** Staff see every request; a requester their own and their department's (as `visibleTo`). */
const statement = (forRequester: boolean) => `
  select r.id as id, r.title as title, r.status as status, ${bm25} as match_rank
  from requests_fts
  cross join requests r on r.id = requests_fts.rowid
  where requests_fts match @match
    and requests_fts.rowid >= (${firstCandidate})
    and (r.status in (${open}) or (r.status = 'done' and r.completed_at >= @since))
    ${forRequester ? 'and (r.department_id = @departmentId or r.requester_id = @userId)' : ''}
  order by match_rank, r.id desc
  limit @limit`;
const staffSql = statement(false);
const requesterSql = statement(true);

/** The closest `limit` matches of `match` (an FTS5 expression from match-expression.ts) that `user` may see. */
export function findSimilar(db: Db, user: SessionUser, match: string, limit: number, now: Date): SimilarRequest[] {
  const since = new Date(now.getTime() - deliveredWindowDays * 86_400_000).toISOString();
  const params = { match, since, limit };
  const rows = (
    user.role === 'requester'
      ? db.$client.prepare(requesterSql).all({ ...params, departmentId: user.departmentId, userId: user.id })
      : db.$client.prepare(staffSql).all(params)
  ) as { id: number; title: string; status: SimilarRequest['status']; match_rank: number }[];
  return rows.map((r) => ({ id: r.id, key: requestKey(r.id), title: r.title, status: r.status, score: scoreOf(r.match_rank) }));
}

import type { SessionUser } from '@altitude/shared/auth';
import { handleOf, type MentionCandidates } from '@altitude/shared/mentions';
import type { Queryable } from '../../db/client';
import { requestNotFound } from '../requests/requests.errors';
import { findVisibleRequest } from '../requests/requests.queries';
import { peopleWhoMaySee } from './notifications.queries';

/** As many as the autocomplete shows. */
export const mentionableCap = 8;

/**
 * The comment box's @-autocomplete: the active people who may see the request (so a mention
 * always reaches its reader), the caller left out. Handles starting with `q` first, then names
 * with a word starting with `q`, each group by name; at most `mentionableCap`. A request the
 * caller may not see is a 404, like every other read of it.
 */
export function mentionable(db: Queryable, user: SessionUser, requestId: number, q: string): MentionCandidates {
  const request = findVisibleRequest(db, requestId, user);
  if (!request) throw requestNotFound();
  const needle = q.trim().replace(/^@/, '').toLowerCase();
  const people = peopleWhoMaySee(db, request)
    .filter((p) => p.id !== user.id)
    .map((p) => ({ id: p.id, name: p.name, handle: handleOf(p.email) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  const byHandle = people.filter((p) => p.handle.startsWith(needle));
  const byName = people.filter(
    (p) =>
      !p.handle.startsWith(needle) &&
      p.name
        .toLowerCase()
        .split(/\s+/)
        .some((w) => w.startsWith(needle)),
  );
  return { items: [...byHandle, ...byName].slice(0, mentionableCap) };
}

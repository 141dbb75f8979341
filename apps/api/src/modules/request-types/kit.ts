import { inArray } from 'drizzle-orm';
import { KitUrl, type SelfServeKit, type SelfServeKitBody } from '@altitude/shared/self-serve-kits';
import type { Queryable } from '../../db/client';
import { departments } from '../../db/schema';
import { kitUnknownDepartments, kitUrlInvalid } from './request-types.errors';

/** The kit as stored: the link a web link, every department one that exists (duplicates dropped, order kept). */
export function checkedKit(tx: Queryable, body: SelfServeKitBody): SelfServeKit {
  const url = KitUrl.safeParse(body.url);
  if (!url.success) throw kitUrlInvalid(url.error.issues[0]?.message ?? 'must be a web link');
  const wanted = body.departmentIds;
  const known = new Set(
    wanted.length === 0
      ? []
      : tx
          .select({ id: departments.id })
          .from(departments)
          .where(inArray(departments.id, wanted))
          .all()
          .map((d) => d.id),
  );
  const unknown = wanted.flatMap((id, i) => (known.has(id) ? [] : [i]));
  if (unknown.length) throw kitUnknownDepartments(unknown);
  return { url: url.data, instructions: body.instructions, departmentIds: [...new Set(wanted)] };
}

/**
 * `kit_published_at` for a type whose kit goes from `before` to `after`: set when a kit appears,
 * kept while it is edited (outcomes count "since published"), cleared when it is removed.
 */
export function publishedAt(
  before: { kit: SelfServeKit | null; at: string | null },
  after: SelfServeKit | null,
  now: string,
): string | null {
  if (after === null) return null;
  return before.kit === null ? now : (before.at ?? now);
}

import { eq } from 'drizzle-orm';
import type { Request } from '@altitude/shared/requests';
import type { Queryable } from '../../db/client';
import { initiatives } from '../../db/schema';
import type { Change } from '../requests/activity.queries';
import { linkNotStrategic, linkUnavailable } from './initiatives.errors';

const nameOf = (tx: Queryable, id: number) =>
  tx.select({ name: initiatives.name }).from(initiatives).where(eq(initiatives.id, id)).get()?.name ?? null;

/**
 * The activity for linking `current` to initiative `to` (null: unlinking), after checking the
 * link may be made; null when nothing changes. Only a confirmed strategic request links (a
 * suggested class is only the type's default, and reports count it as unclassified), and only
 * to an initiative that is not archived. The history keeps the names, as they read then.
 */
export function initiativeLinkChange(tx: Queryable, current: Request, to: number | null): Change | null {
  if (to === current.initiativeId) return null;
  if (to !== null) {
    if (current.classification !== 'strategic' || current.classificationSuggested) throw linkNotStrategic(current.key);
    const target = tx.select({ archived: initiatives.archived }).from(initiatives).where(eq(initiatives.id, to)).get();
    if (!target) throw linkUnavailable('unknown');
    if (target.archived) throw linkUnavailable('archived');
  }
  return initiativeChange(tx, current.initiativeId, to);
}

/** `linked` (to a name, from the earlier one if any) or `unlinked` (from a name). */
export function initiativeChange(tx: Queryable, from: number | null, to: number | null): Change {
  const before = from === null ? null : nameOf(tx, from);
  return to === null
    ? { kind: 'unlinked', field: 'initiative', from: before, to: null }
    : { kind: 'linked', field: 'initiative', from: before, to: nameOf(tx, to) };
}

import { asc, eq, sql } from 'drizzle-orm';
import type { ActivityList } from '@altitude/shared/activity';
import type { Queryable, Tx } from '../../db/client';
import { prepareOnce } from '../../db/statements';
import { activity } from '../../db/schema';

export interface Change {
  kind: string;
  field?: string | null;
  from?: string | number | boolean | null;
  to?: string | number | boolean | null;
}

const text = (v: Change['from']) => (v === null || v === undefined ? null : String(v));

/** Writes activity rows; called inside the same transaction as the change they describe. */
export function recordActivity(tx: Tx, requestId: number, actorId: number, at: string, changes: Change[]): void {
  const insert = prepareOnce(tx, 'activity.insert', () => {
    const p = (name: string) => sql.placeholder(name);
    return tx
      .insert(activity)
      .values({
        requestId: p('requestId'),
        actorId: p('actorId'),
        kind: p('kind'),
        field: p('field'),
        fromValue: p('fromValue'),
        toValue: p('toValue'),
        createdAt: p('createdAt'),
      })
      .prepare();
  });
  for (const c of changes)
    insert.run({ requestId, actorId, kind: c.kind, field: c.field ?? null, fromValue: text(c.from), toValue: text(c.to), createdAt: at });
}

/** A request's activity, oldest first. */
export function listActivity(db: Queryable, requestId: number): ActivityList['items'] {
  return db
    .select({
      id: activity.id,
      requestId: activity.requestId,
      actorId: activity.actorId,
      kind: activity.kind,
      field: activity.field,
      from: activity.fromValue,
      to: activity.toValue,
      createdAt: activity.createdAt,
    })
    .from(activity)
    .where(eq(activity.requestId, requestId))
    .orderBy(asc(activity.createdAt), asc(activity.id))
    .all();
}

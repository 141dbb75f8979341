import type { Tx } from '../../db/client';
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
  if (changes.length === 0) return;
  tx.insert(activity)
    .values(changes.map((c) => ({ requestId, actorId, kind: c.kind, field: c.field ?? null, fromValue: text(c.from), toValue: text(c.to), createdAt: at })))
    .run();
}

import type { KitOutcome, KitOutcomeRecord } from '@altitude/shared/self-serve-kits';
import type { Queryable } from '../../db/client';
import { kitOutcomes } from '../../db/schema';

export interface KitOutcomeRow {
  typeId: number;
  userId: number;
  departmentId: number;
  outcome: KitOutcome;
  reason?: string | null;
  requestId?: number | null;
  createdAt: string;
}

/** One outcome row; runs inside the caller's write transaction (the use, or the filing it belongs to). */
export const insertKitOutcome = (tx: Queryable, row: KitOutcomeRow): KitOutcomeRecord =>
  tx
    .insert(kitOutcomes)
    .values({ ...row, reason: row.reason ?? null, requestId: row.requestId ?? null })
    .returning({ id: kitOutcomes.id, typeId: kitOutcomes.typeId, outcome: kitOutcomes.outcome, createdAt: kitOutcomes.createdAt })
    .get();

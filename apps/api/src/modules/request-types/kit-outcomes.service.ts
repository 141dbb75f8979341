import { eq } from 'drizzle-orm';
import type { SessionUser } from '@altitude/shared/auth';
import { kitOffered, type KitOutcomeRecord } from '@altitude/shared/self-serve-kits';
import type { Db } from '../../db/client';
import { requestTypes } from '../../db/schema';
import { notFound } from '../../errors';
import { writeAs } from '../auth/actor';
import { insertKitOutcome } from './kit-outcomes.queries';
import { kitNotOffered } from './request-types.errors';

/**
 * A requester used the type's kit instead of filing: one request avoided. The kit and the
 * caller's department are read inside the transaction, so a kit removed (or a person moved to
 * another department) a moment before is refused rather than counted.
 */
export function recordKitUsed(db: Db, actor: SessionUser, typeId: number, now: Date): KitOutcomeRecord {
  return writeAs(db, actor, 'signedIn', (tx, user) => {
    const type = tx.select({ kit: requestTypes.selfServeKit }).from(requestTypes).where(eq(requestTypes.id, typeId)).get();
    if (!type) throw notFound('request_type');
    if (!kitOffered(type.kit, user.departmentId)) throw kitNotOffered();
    return insertKitOutcome(tx, {
      typeId,
      userId: user.id,
      departmentId: user.departmentId,
      outcome: 'used',
      createdAt: now.toISOString(),
    });
  });
}

import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { SessionUser } from '@altitude/shared/auth';
import type { CreateRequestTypeBody, RequestType, UpdateRequestTypeBody } from '@altitude/shared/directory';
import type { Db, Queryable } from '../../db/client';
import { requestTypes } from '../../db/schema';
import { alreadyTaken, notFound } from '../../errors';
import { writeAs } from '../auth/actor';
import { checkedKit, publishedAt } from './kit';

const columns = {
  id: requestTypes.id,
  name: requestTypes.name,
  description: requestTypes.description,
  turnaroundDays: requestTypes.turnaroundDays,
  firstResponseHours: requestTypes.firstResponseHours,
  defaultClassification: requestTypes.defaultClassification,
  fields: requestTypes.fields,
  selfServeKit: requestTypes.selfServeKit,
};

export const listRequestTypes = (db: Db): { items: RequestType[] } => ({
  items: db.select(columns).from(requestTypes).orderBy(asc(requestTypes.name)).all(),
});

/** Names are unique regardless of case: requesters pick a type by its name. */
function assertNameFree(tx: Queryable, name: string, exceptId?: number) {
  const sameName = sql`lower(${requestTypes.name}) = lower(${name})`;
  const clash = tx
    .select({ id: requestTypes.id })
    .from(requestTypes)
    .where(exceptId === undefined ? sameName : and(sameName, ne(requestTypes.id, exceptId)))
    .get();
  if (clash) throw alreadyTaken('request_type', 'name', name);
}

export function createRequestType(db: Db, actor: SessionUser, body: CreateRequestTypeBody, now: Date): RequestType {
  return writeAs(db, actor, 'lead', (tx) => {
    assertNameFree(tx, body.name);
    const { selfServeKit, ...rest } = body;
    const kit = selfServeKit ? checkedKit(tx, selfServeKit) : null;
    return tx
      .insert(requestTypes)
      .values({ ...rest, description: body.description ?? '', selfServeKit: kit, kitPublishedAt: kit ? now.toISOString() : null })
      .returning(columns)
      .get();
  });
}

/**
 * Changes apply to new requests: a new default classification is suggested from now on, and
 * requests already filed keep the classification they have.
 */
export function updateRequestType(db: Db, actor: SessionUser, id: number, body: UpdateRequestTypeBody, now: Date): RequestType {
  return writeAs(db, actor, 'lead', (tx) => {
    const current = tx
      .select({ ...columns, kitPublishedAt: requestTypes.kitPublishedAt })
      .from(requestTypes)
      .where(eq(requestTypes.id, id))
      .get();
    if (!current) throw notFound('request_type');
    const { kitPublishedAt, ...type } = current;
    if (body.name !== undefined) assertNameFree(tx, body.name, id);
    const { selfServeKit, ...rest } = body;
    const changes: Partial<typeof requestTypes.$inferInsert> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    if (selfServeKit !== undefined) {
      const kit = selfServeKit === null ? null : checkedKit(tx, selfServeKit);
      changes.selfServeKit = kit;
      changes.kitPublishedAt = publishedAt({ kit: type.selfServeKit, at: kitPublishedAt }, kit, now.toISOString());
    }
    if (Object.keys(changes).length === 0) return type;
    return tx.update(requestTypes).set(changes).where(eq(requestTypes.id, id)).returning(columns).get()!;
  });
}

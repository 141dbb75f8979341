import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { requestTime } from '../../db/schema';

/** Minutes logged on a request so far (kept per request in `request_time` by triggers). */
export const loggedOn = (db: Queryable, requestId: number): number =>
  db.select({ minutes: requestTime.minutes }).from(requestTime).where(eq(requestTime.requestId, requestId)).get()?.minutes ?? 0;

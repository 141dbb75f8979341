import { eq } from 'drizzle-orm';
import type { SessionUser } from '@altitude/shared/auth';
import type { Queryable } from '../../db/client';
import { settings } from '../../db/schema';

/** The settings key of the "board view" switch: Insights without per-person figures. */
export const boardViewKey = 'boardView';

/** True when a lead switched Insights to the board view (shown to a room, or to the C-suite). */
export const boardViewOn = (db: Queryable): boolean =>
  db.select({ value: settings.value }).from(settings).where(eq(settings.key, boardViewKey)).get()?.value === 'true';

/**
 * Whether per-person figures (time by marketer, coverage per person, who classified) are left out
 * of what `user` is answered: in the board view, for everyone but leads.
 */
export const hidesPeople = (db: Queryable, user: Pick<SessionUser, 'role'>): boolean => user.role !== 'lead' && boardViewOn(db);

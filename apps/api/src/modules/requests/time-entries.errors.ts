import type { TimeEntry } from '@altitude/shared/activity';
import { HttpProblem, notFound } from '../../errors';

/** No such entry, or one on a request the caller may not see: the same answer, so ids reveal nothing. */
export const timeEntryNotFound = () => notFound('time_entry');

/** Someone other than the author (and not a lead) tried to correct an entry. */
export const notEntryAuthor = () =>
  new HttpProblem(403, 'time_entry.not_author', 'Only the person who logged this time, or a lead, can correct or delete it.');

/** The author's grace period is over; a lead can still correct it. */
export const gracePassed = (until: string) =>
  new HttpProblem(
    403,
    'time_entry.grace_passed',
    `This entry could be corrected by its author until ${until}; ask a lead to correct or delete it.`,
  );

/** 409 with the entry as it now stands (`TimeEntryConflictBody` in packages/shared), so the client can show it. */
export const entryVersionConflict = (current: TimeEntry) =>
  new HttpProblem(
    409,
    'time_entry.version_conflict',
    `Someone else changed this entry (now ${current.minutes} minutes on ${current.date}, version ${current.version}). Check it and try again.`,
    undefined,
    { current },
  );

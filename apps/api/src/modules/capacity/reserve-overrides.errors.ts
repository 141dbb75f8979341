import { HttpProblem } from '../../errors';

/** 409: nothing to accept, the assignment fits outside the assignee's reserve (or the work is strategic). */
export const noReserveTaken = (key: string) =>
  new HttpProblem(
    409,
    'reserve_override.no_reserve_taken',
    `Assigning ${key} this way takes none of the assignee's strategic reserve; there is nothing to accept.`,
    [{ path: 'assigneeId', message: 'takes no strategic reserve' }],
  );

/** 409: this trade-off was already accepted for this person; a second record would count it twice. */
export const alreadyAccepted = (key: string) =>
  new HttpProblem(409, 'reserve_override.already_accepted', `Taking this assignee's reserve for ${key} was already accepted.`, [
    { path: 'assigneeId', message: 'already accepted for this person' },
  ]);

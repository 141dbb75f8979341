import { HttpProblem, alreadyTaken, notFound } from '../../errors';

export const initiativeNotFound = () => notFound('initiative');

/** 409 naming `name`: names are unique within a quarter (two quarters may share one). */
export const nameTakenInQuarter = (name: string, quarter: string) => {
  const problem = alreadyTaken('initiative', 'name', name);
  return new HttpProblem(409, problem.code, `An initiative named "${name}" already exists in ${quarter}.`, problem.errors);
};

/** 422 naming `ownerId`: an initiative is owned by someone in marketing who can still act on it. */
export const invalidOwner = () =>
  new HttpProblem(422, 'initiative.invalid_owner', 'Choose an active marketer or lead as the owner.', [
    { path: 'ownerId', message: 'is not an active marketer or lead' },
  ]);

/** 422 naming `initiativeId` on a request: only confirmed strategic requests serve an initiative. */
export const linkNotStrategic = (key: string) =>
  new HttpProblem(
    422,
    'request.initiative_not_strategic',
    `${key} is not classified strategic; only strategic requests serve an initiative.`,
    [{ path: 'initiativeId', message: 'only strategic requests link to an initiative' }],
  );

/** 422 naming `initiativeId`: no such initiative, or it is archived (its work is over). */
export const linkUnavailable = (why: 'unknown' | 'archived') =>
  new HttpProblem(
    422,
    `request.initiative_${why}`,
    why === 'unknown' ? 'Choose one of the initiatives.' : 'That initiative is archived; choose an active one.',
    [{ path: 'initiativeId', message: why === 'unknown' ? 'is not an initiative' : 'is archived' }],
  );

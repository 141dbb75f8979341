import type { Request } from '@altitude/shared/requests';
import { HttpProblem, notFound } from '../../errors';

/** A request the caller may not see answers as a missing one, so ids reveal nothing. */
export const requestNotFound = () => notFound('request');

/** 409 with the request as it now stands (`ConflictBody` in packages/shared), so the client can offer it. */
export const versionConflict = (current: Request) =>
  new HttpProblem(
    409,
    'request.version_conflict',
    `Someone else changed ${current.key} (now version ${current.version}). Reload it and try again.`,
    undefined,
    { current },
  );

export const unknownType = () =>
  new HttpProblem(422, 'request.unknown_type', 'Choose one of the request types.', [{ path: 'typeId', message: 'is not a request type' }]);

export const invalidAssignee = () =>
  new HttpProblem(422, 'request.invalid_assignee', 'Assign the request to an active marketer or lead.', [
    { path: 'assigneeId', message: 'is not an active marketer' },
  ]);

export const unclassified = (key: string) =>
  new HttpProblem(422, 'request.unclassified', `Classify ${key} as strategic or tactical before it leaves intake.`, [
    { path: 'classification', message: 'must be confirmed before leaving intake' },
  ]);

export const resolutionWithoutDecline = () =>
  new HttpProblem(422, 'request.resolution_without_decline', 'A resolution is only given when declining.', [
    { path: 'resolution', message: 'only applies when status is declined' },
  ]);

export const notInIntake = (key: string) =>
  new HttpProblem(422, 'request.not_in_intake', `${key} is already being worked on; ask marketing in a comment instead.`);

export const invalidNeighbour = (field: 'beforeId' | 'afterId', message: string, detail: string) =>
  new HttpProblem(422, 'request.invalid_neighbour', detail, [{ path: field, message }]);

const unloggable = {
  before_filed: 'Time cannot be logged before the request was filed.',
  after_closed: 'Time cannot be logged after the request was closed.',
  future_date: 'Time cannot be logged on a future date.',
} as const;

/** 422 naming `date` when time cannot be logged on it; the code says which end it crossed. */
export const unloggableDate = (why: keyof typeof unloggable, message: string) =>
  new HttpProblem(422, `time_entry.${why}`, `${unloggable[why]} date: ${message}`, [{ path: 'date', message }]);

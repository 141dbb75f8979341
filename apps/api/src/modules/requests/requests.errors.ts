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

/** 422 naming `note`: a class against the type's default has to say why, so the share cannot be lifted quietly. */
export const overrideNeedsNote = (key: string, classification: string, defaultClassification: string) =>
  new HttpProblem(
    422,
    'request.override_needs_note',
    `${key} is of a type that defaults to ${defaultClassification}; say in a note why it is ${classification}.`,
    [{ path: 'note', message: `is required when classifying against the type's default (${defaultClassification})` }],
  );

/** 422 naming `typeId`: the new type's default differs from the confirmed class, and no note says why. */
export const retypeNeedsNote = (key: string, classification: string, defaultClassification: string) =>
  new HttpProblem(
    422,
    'request.retype_needs_note',
    `${key} is classified ${classification}, but that type defaults to ${defaultClassification}. Reclassify it with a note saying why first, or change its class.`,
    [{ path: 'typeId', message: `defaults to ${defaultClassification}; the request's ${classification} class needs a note first` }],
  );

/** 422 naming each offending answer as `fields.<key>`: the answers do not fit the type's questions. */
export const invalidAnswers = (errors: { path: string; message: string }[]) =>
  new HttpProblem(
    422,
    'request.invalid_fields',
    `Check the answers to the type's questions: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}.`,
    errors,
  );

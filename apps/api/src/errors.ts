/**
 * An error the client caused or may act on; the error handler renders it as problem+json.
 * Features build theirs through named constructors in their `<feature>.errors.ts` (and the
 * generic ones below), so each code is built in one place.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: { path: string; message: string }[],
    /** Extra members of the problem body, e.g. the current request on a 409. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpProblem(404, `${what}.not_found`, `No such ${what}.`);
/** 403; `fields` names the inputs the caller's role may not send, when that is the reason. */
export const forbidden = (fields: string[] = []) =>
  new HttpProblem(
    403,
    'auth.forbidden',
    fields.length ? `Your role does not allow setting ${fields.join(', ')}.` : 'Your role does not allow this.',
    fields.length ? fields.map((path) => ({ path, message: 'only marketing sets this' })) : undefined,
  );

/** 401: no live session, or it ended while the request was on its way. */
export const signInRequired = (detail = 'Sign in to continue.') => new HttpProblem(401, 'auth.required', detail);

/** 400 naming one input the schema could not judge alone (a cursor, a period, a password rule). */
export const invalidInput = (path: string, message: string) =>
  new HttpProblem(400, 'validation.failed', `${path}: ${message}`, [{ path, message }]);

/** 409 when a unique value is already in use, naming the field that clashes. */
export const alreadyTaken = (what: string, path: string, value: string) =>
  new HttpProblem(409, `${what}.${path}_taken`, `A ${what.replaceAll('_', ' ')} with ${path} "${value}" already exists.`, [
    { path, message: `"${value}" is already taken` },
  ]);

/** 503 for every write of a commit-queue group whose COMMIT failed (db/commit-queue.ts): nothing was applied, sending again is safe. */
export const writeNotSaved = () =>
  new HttpProblem(503, 'server.write_failed', 'The change could not be saved. Nothing was changed; try again.', undefined, {
    retryAfterSeconds: 1,
  });

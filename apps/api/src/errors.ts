/** An error the client caused or may act on; the error handler renders it as problem+json. */
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
export const forbidden = () => new HttpProblem(403, 'auth.forbidden', 'Your role does not allow this.');

/** 409 when a unique value is already in use, naming the field that clashes. */
export const alreadyTaken = (what: string, path: string, value: string) =>
  new HttpProblem(409, `${what}.${path}_taken`, `A ${what.replaceAll('_', ' ')} with ${path} "${value}" already exists.`, [
    { path, message: `"${value}" is already taken` },
  ]);

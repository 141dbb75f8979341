import { HttpProblem } from '../errors';
import type { WireError } from './messages';

/** A problem the writer thread sent as its fields, as the class it was (the route answers it as usual). */
export const problemOf = (error: WireError): Error =>
  error.problem
    ? new HttpProblem(error.status, error.code, error.message, error.errors, error.extra)
    : Object.assign(new Error(error.message), { stack: error.stack });

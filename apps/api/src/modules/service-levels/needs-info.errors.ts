import type { Status } from '@altitude/shared/domain';
import { HttpProblem } from '../../errors';

/** 409 naming `status`: only an open request can wait on its requester (a closed one has no clock to pause). */
export const requestClosed = (key: string, status: Status) =>
  new HttpProblem(409, 'request.closed', `${key} is ${status}; only an open request can wait on its requester.`, [
    { path: 'status', message: `is ${status}; reopen the request first` },
  ]);

/** 409: one question at a time, so the clock has one pause to end. */
export const alreadyWaiting = (key: string) =>
  new HttpProblem(409, 'request.already_waiting', `${key} is already waiting on its requester; wait for the answer, or add a comment.`);

/** 409: there is no question to answer. */
export const notWaiting = (key: string) =>
  new HttpProblem(409, 'request.not_waiting', `${key} is not waiting on its requester; there is no question to answer.`);

/** 403: the requester's side answers; marketing answering its own question would restart the clock on its own say-so. */
export const notTheRequesterSide = () =>
  new HttpProblem(403, 'request.answer_by_requester', "Marketing's question is answered by the requester or their department.");

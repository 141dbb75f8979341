import { HttpProblem } from '../../errors';

export const tooManyStreams = (perUser: number) =>
  new HttpProblem(
    429,
    'events.too_many_streams',
    `You already have ${perUser} live update streams open. Close another tab or try again later.`,
  );

export const serverBusy = () =>
  new HttpProblem(503, 'events.server_busy', 'The server has too many live update streams open. Try again later.');

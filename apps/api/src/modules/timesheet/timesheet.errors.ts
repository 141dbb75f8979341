import { HttpProblem } from '../../errors';

/** 403: a marketer reads only their own week; only leads open other people's. */
export const othersTimesheet = () =>
  new HttpProblem(403, 'timesheet.others', "Only leads can open another person's timesheet.", [
    { path: 'userId', message: 'must be your own id unless you are a lead' },
  ]);

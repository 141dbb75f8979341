import { formatDuration } from '@altitude/shared/duration';
import { HttpProblem } from '../../errors';

export const unknownDepartment = () =>
  new HttpProblem(422, 'user.unknown_department', 'Choose one of the departments.', [
    { path: 'departmentId', message: 'is not a department' },
  ]);

export const ownRoleChange = () =>
  new HttpProblem(422, 'user.own_role', 'You cannot change your own role; another lead can.', [
    { path: 'role', message: 'cannot be changed on your own account' },
  ]);

export const ownDeactivation = () =>
  new HttpProblem(422, 'user.own_deactivation', 'You cannot deactivate yourself; another lead can.', [
    { path: 'active', message: 'cannot be turned off on your own account' },
  ]);

/** 409: the change would leave the company without an active lead; `path` names the field that would do it. */
export const lastLead = (name: string, path: 'role' | 'active') =>
  new HttpProblem(409, 'users.last_lead', `${name} is the only active lead; make someone else a lead first.`, [
    { path, message: 'would leave no active lead' },
  ]);

const hours = (minutes: number) => formatDuration(minutes).replace(/^0m$/, '0h');

/**
 * 422: the strategic reserve is kept inside the working week, so it cannot exceed it. Named on
 * `strategicReserveMinutes` always, and on `weeklyMinutes` too when it was the week that shrank.
 */
export const reserveAboveWeek = (name: string, reserveMinutes: number, weeklyMinutes: number, weekChanged: boolean) =>
  new HttpProblem(
    422,
    'user.reserve_above_week',
    `${name}'s strategic reserve (${hours(reserveMinutes)}) cannot be more than their working week (${hours(weeklyMinutes)}).`,
    [
      { path: 'strategicReserveMinutes', message: `must be at most the weekly working time (${hours(weeklyMinutes)})` },
      ...(weekChanged ? [{ path: 'weeklyMinutes', message: `must be at least the strategic reserve (${hours(reserveMinutes)})` }] : []),
    ],
  );

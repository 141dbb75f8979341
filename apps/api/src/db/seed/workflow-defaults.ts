import type { Status } from '@altitude/shared/domain';

/** WIP limits a new install starts with; leads change them in Settings. */
export const defaultWipLimits: { status: Status; wipLimit: number | null }[] = [
  { status: 'intake', wipLimit: null },
  { status: 'planned', wipLimit: 15 },
  { status: 'in_progress', wipLimit: 10 },
  { status: 'in_review', wipLimit: 6 },
  { status: 'done', wipLimit: null },
  { status: 'declined', wipLimit: null },
];

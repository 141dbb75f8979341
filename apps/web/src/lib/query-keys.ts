import type { Status } from '@altitude/shared/domain';

type Params = Record<string, string | undefined>;

/**
 * Every TanStack Query key of the app, in one place: an invalidation names the same key as the
 * query it means, and a prefix (`board.all`) reaches every variant of it. Live updates rely on
 * the shapes: a board view is exactly `['board', filters]`.
 */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  /** What the sign-in page offers (single sign-on, passwords off). */
  authConfig: ['auth', 'config'] as const,
  board: {
    all: ['board'] as const,
    view: (filters: Params) => ['board', filters] as const,
    older: (filters: Params, status: Status) => ['board', filters, 'older', status] as const,
  },
  requests: {
    all: ['requests'] as const,
    lists: ['requests', 'list'] as const,
    list: (params: Params) => ['requests', 'list', params] as const,
    /** Under `lists`: a new request or an edit changes what is similar. */
    similar: (q: string) => ['requests', 'list', 'similar', q] as const,
    detail: (id: number) => ['requests', 'detail', id] as const,
    comments: (id: number) => ['requests', 'detail', id, 'comments'] as const,
    activity: (id: number) => ['requests', 'detail', id, 'activity'] as const,
    time: (id: number) => ['requests', 'detail', id, 'time'] as const,
    departmentService: ['requests', 'department-service'] as const,
    needsInfo: (id: number) => ['requests', 'detail', id, 'needs-info'] as const,
    /** Under the request's detail; keyed by its version, so any change to the request asks again. */
    tradeOff: (id: number, params: Params) => ['requests', 'detail', id, 'trade-off', params] as const,
    attachments: (id: number) => ['requests', 'detail', id, 'attachments'] as const,
    /** Who may be mentioned on the request, for the comment box's autocomplete. */
    mentionable: (id: number, q: string) => ['requests', 'detail', id, 'mentionable', q] as const,
  },
  directory: {
    departments: ['directory', 'departments'] as const,
    requestTypes: ['directory', 'request-types'] as const,
    users: ['directory', 'users'] as const,
  },
  settings: {
    company: ['settings', 'company'] as const,
    targets: ['settings', 'targets'] as const,
    workflow: ['settings', 'workflow'] as const,
    boardView: ['settings', 'board-view'] as const,
    holidays: ['settings', 'holidays'] as const,
    outbox: ['settings', 'outbox'] as const,
    invitations: ['settings', 'invitations'] as const,
  },
  /** What an invitation link is for, read by the signed-out accept page. */
  invitation: (token: string) => ['invitation', token] as const,
  /** Every initiatives list (all, per quarter, archived or not): one write refreshes them all. */
  initiatives: {
    all: ['initiatives'] as const,
    list: (params: Params) => ['initiatives', params] as const,
  },
  timesheet: {
    all: ['timesheet'] as const,
    week: (params: Params) => ['timesheet', params] as const,
  },
  /** The Capacity view: refetched when requests, time, working time or reserves change. */
  capacity: {
    all: ['capacity'] as const,
    view: (params: Params) => ['capacity', params] as const,
  },
  /** The bell: every page of the list carries the unread count, so a live event or a mark-read patches them all. */
  notifications: {
    all: ['notifications'] as const,
    lists: ['notifications', 'list'] as const,
    list: (params: Params) => ['notifications', 'list', params] as const,
    settings: ['notifications', 'settings'] as const,
  },
  /** Every report: refetched when what they may show changes (the board view, logged or working time). */
  allReports: ['reports'] as const,
  reports: (name: string, period: Params, extra: Params = {}) => ['reports', name, period, extra] as const,
};

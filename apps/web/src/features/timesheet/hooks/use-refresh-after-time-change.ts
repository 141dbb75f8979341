import { queryKeys } from '../../../lib/query-keys';
import { useRefresh } from '../../../lib/use-refresh';

/** A time entry changed: the week, the request's own totals and the board's cards all show it. */
export const useRefreshAfterTimeChange = () => useRefresh(queryKeys.timesheet.all, queryKeys.requests.all, queryKeys.board.all);

import { queryString } from '../../../lib/api-client';
import type { Period } from '../hooks/use-period';

/** A CSV export is a download link (`GET /api/exports/<file>`), not a query. */
export const exportUrl = (file: 'requests.csv' | 'time-entries.csv', p: Period) => `/api/exports/${file}${queryString({ ...p })}`;

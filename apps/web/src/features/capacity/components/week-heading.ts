import { formatDate } from '../../../lib/format';

/** "Week of 14 Dec" (with the year when it is not this year). */
export const weekHeading = (monday: string) => `Week of ${formatDate(monday)}`;

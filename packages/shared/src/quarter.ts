import { z } from 'zod';

/**
 * A calendar quarter, `YYYY-Qn`, the unit of targets, initiatives and the forecast. Years are
 * bounded like every date the API accepts (2000–2099), so string order is time order.
 */
export const Quarter = z
  .string({ error: 'must be a quarter like 2026-Q4' })
  .regex(/^20\d\d-Q[1-4]$/, { error: 'must be a quarter like 2026-Q4 (years 2000 to 2099)' });
export type Quarter = z.infer<typeof Quarter>;

const pad = (n: number) => String(n).padStart(2, '0');

/** The quarter a calendar date (`YYYY-MM-DD`) falls in. */
export function quarterOf(date: string): Quarter {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** First and last day of a quarter, both included. */
export function quarterRange(quarter: Quarter): { from: string; to: string } {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  const firstMonth = (q - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

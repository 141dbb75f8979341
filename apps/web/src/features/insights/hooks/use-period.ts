import { useSearchParams } from 'react-router';
import { addDays, quarterStartOf } from '@altitude/shared/calendar';
import { today as localToday } from '../../../lib/today';
import { isAskable } from './period-errors';

export interface Period {
  from: string;
  to: string;
}
export type Preset = 'last-4-weeks' | 'this-quarter' | 'last-quarter' | 'custom';

export function presetPeriod(preset: Exclude<Preset, 'custom'>, today = localToday()): Period {
  switch (preset) {
    case 'last-4-weeks':
      return { from: addDays(today, -27), to: today };
    case 'this-quarter':
      return { from: quarterStartOf(today), to: today };
    case 'last-quarter': {
      const thisStart = quarterStartOf(today);
      return { from: quarterStartOf(addDays(thisStart, -1)), to: addDays(thisStart, -1) };
    }
  }
}

/**
 * The period lives in the URL (?from=&to=), so a view of the numbers can be shared and printed.
 * `requested` is what the URL asks for, shown in the picker with its errors; `period` is what the
 * reports are asked for: the requested one when the API would take it, else the last four weeks,
 * so a bad link shows numbers and says what is wrong instead of waiting on a refused request.
 */
export function usePeriod() {
  const [params, setParams] = useSearchParams();
  const fallback = presetPeriod('last-4-weeks');
  const requested: Period = { from: params.get('from') ?? fallback.from, to: params.get('to') ?? fallback.to };
  const period = isAskable(requested) ? requested : fallback;
  const preset: Preset =
    (['last-4-weeks', 'this-quarter', 'last-quarter'] as const).find((p) => {
      const candidate = presetPeriod(p);
      return candidate.from === requested.from && candidate.to === requested.to;
    }) ?? 'custom';
  const setPeriod = (next: Period) => setParams({ from: next.from, to: next.to }, { replace: true });
  return { period, requested, preset, setPeriod };
}

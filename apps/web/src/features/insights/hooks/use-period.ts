import { useSearchParams } from 'react-router';
import { addDays, quarterStartOf } from '@altitude/shared/calendar';
import { today as localToday } from '../../../lib/today';

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

/** The period lives in the URL (?from=&to=), so a view of the numbers can be shared and printed. */
export function usePeriod() {
  const [params, setParams] = useSearchParams();
  const fallback = presetPeriod('last-4-weeks');
  const period: Period = { from: params.get('from') ?? fallback.from, to: params.get('to') ?? fallback.to };
  const preset: Preset =
    (['last-4-weeks', 'this-quarter', 'last-quarter'] as const).find((p) => {
      const candidate = presetPeriod(p);
      return candidate.from === period.from && candidate.to === period.to;
    }) ?? 'custom';
  const setPeriod = (next: Period) => setParams({ from: next.from, to: next.to }, { replace: true });
  return { period, preset, setPeriod };
}

import { describe, expect, it } from 'vitest';
import { presetPeriod } from './use-period';

describe('period presets', () => {
  it('"Last quarter" is the previous calendar quarter, across the year too', () => {
    expect(presetPeriod('last-quarter', '2026-11-20')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(presetPeriod('last-quarter', '2026-01-01')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(presetPeriod('last-quarter', '2024-05-31')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
  });

  it('"This quarter" runs from the quarter\'s first day to today', () => {
    expect(presetPeriod('this-quarter', '2026-11-20')).toEqual({ from: '2026-10-01', to: '2026-11-20' });
  });
});

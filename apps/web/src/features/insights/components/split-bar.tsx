import { Tooltip } from '@mantine/core';
import type { SplitTotals } from '@altitude/shared/insights';
import { classColors } from './weekly-split-chart';
import { hours } from './report-format';

/** One row's hours as a proportional stacked bar, scaled to the largest row. */
export function SplitBar({ split, max }: { split: SplitTotals; max: number }) {
  const parts = [
    ['Strategic', split.strategicMinutes, classColors.strategic],
    ['Tactical', split.tacticalMinutes, classColors.tactical],
    ['Unclassified', split.unclassifiedMinutes, classColors.unclassified],
  ] as const;
  return (
    <div
      style={{ display: 'flex', height: 12, width: '100%', background: 'var(--mantine-color-gray-1)', borderRadius: 3, overflow: 'hidden' }}
    >
      {parts.map(([label, minutes, color]) =>
        minutes > 0 ? (
          <Tooltip key={label} label={`${label}: ${hours(minutes)} h`}>
            <div
              style={{
                width: `${(minutes / Math.max(max, 1)) * 100}%`,
                background: color,
                printColorAdjust: 'exact',
                WebkitPrintColorAdjust: 'exact',
              }}
            />
          </Tooltip>
        ) : null,
      )}
    </div>
  );
}

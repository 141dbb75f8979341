import { Tooltip } from '@mantine/core';
import type { CapacityWeek } from '@altitude/shared/capacity';
import { capacityColors } from './capacity-colors';
import { barParts, summarize } from './week-figures';

/**
 * One week as a compact stacked bar: strategic work, the reserve still kept, tactical and
 * unclassified work, then free time. An over-committed week is scaled to its load, and a red line
 * marks where the available time ends. The bar is an image named with every figure of the week.
 */
export function CapacityBar({ week }: { week: CapacityWeek }) {
  const parts = barParts(week);
  const { details } = summarize(week);
  const segments = [
    ['strategic', parts.strategic, capacityColors.strategic],
    ['reserve', parts.reserveKept, capacityColors.reserveKept],
    ['tactical', parts.tactical, capacityColors.tactical],
    ['unclassified', parts.unclassified, capacityColors.unclassified],
  ] as const;
  return (
    <Tooltip label={details} multiline w={260} withArrow>
      <div
        role="img"
        aria-label={details}
        style={{
          position: 'relative',
          display: 'flex',
          height: 12,
          width: '100%',
          background: capacityColors.free,
          borderRadius: 3,
          overflow: 'hidden',
          printColorAdjust: 'exact',
          WebkitPrintColorAdjust: 'exact',
        }}
      >
        {parts.total > 0 &&
          segments.map(([key, minutes, color]) =>
            minutes > 0 ? <div key={key} style={{ width: `${(minutes / parts.total) * 100}%`, background: color }} /> : null,
          )}
        {parts.availableEnd < 1 && (
          <div
            style={{
              position: 'absolute',
              top: 0,
              bottom: 0,
              left: `calc(${parts.availableEnd * 100}% - 1px)`,
              width: 2,
              background: capacityColors.overLine,
            }}
          />
        )}
      </div>
    </Tooltip>
  );
}

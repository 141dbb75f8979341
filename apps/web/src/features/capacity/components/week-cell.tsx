import { Stack, Text } from '@mantine/core';
import type { CapacityWeek } from '@altitude/shared/capacity';
import { CapacityBar } from './capacity-bar';
import { summarize } from './week-figures';

const tone = { over: 'red.8', reserve_taken: 'orange.9', free: undefined, no_time: 'dimmed' } as const;

/** A person's week: the bar, then what it comes to in words ("12 h free", "Over by 3 h"). */
export function WeekCell({ week }: { week: CapacityWeek }) {
  const summary = summarize(week);
  const warn = summary.state === 'over' || summary.state === 'reserve_taken';
  return (
    <Stack gap={4} data-testid="capacity-week" data-state={summary.state}>
      <CapacityBar week={week} />
      <Text size="sm" fw={warn ? 700 : 500} c={tone[summary.state]} lh={1.3}>
        {warn && <span aria-hidden="true">⚠ </span>}
        {summary.headline}
      </Text>
    </Stack>
  );
}

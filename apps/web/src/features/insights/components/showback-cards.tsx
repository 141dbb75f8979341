import { Group, Paper, Stack, Text } from '@mantine/core';
import type { TimeSplit } from '@altitude/shared/insights';
import { hours, pct } from './report-format';
import { SplitBar } from './split-bar';

/**
 * "Who asks for what" on a phone: eight columns do not fit, so each group is a card with its
 * strategic share first (the figure the report is about), the split bar, then the hours.
 */
export function ShowbackCards({ data, max }: { data: TimeSplit; max: number }) {
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Who asks for what" data-testid="showback-cards">
      {data.peopleHidden && (
        <Text component="li" size="sm" c="dimmed">
          Board view: hours per marketer are hidden. The team total is below.
        </Text>
      )}
      {data.groups.map((g) => (
        <SplitCard key={g.key} label={g.label} split={g} max={max} requests={g.requestCount} />
      ))}
      <SplitCard label="All" split={data.total} max={max} total />
    </Stack>
  );
}

function SplitCard({
  label,
  split,
  max,
  requests,
  total = false,
}: {
  label: string;
  split: TimeSplit['total'];
  max: number;
  requests?: number;
  total?: boolean;
}) {
  return (
    <Paper component="li" withBorder radius="md" p="sm" bg={total ? 'gray.0' : undefined}>
      <Group justify="space-between" wrap="nowrap" gap="xs" align="baseline">
        <Text size="sm" fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {label}
        </Text>
        <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
          {pct(split.strategicShare)} strategic
        </Text>
      </Group>
      {!total && (
        <div style={{ marginTop: 6 }}>
          <SplitBar split={split} max={max} />
        </div>
      )}
      <Text size="xs" c="dimmed" mt={6}>
        Strategic {hours(split.strategicMinutes)} h · Tactical {hours(split.tacticalMinutes)} h · Unclassified{' '}
        {hours(split.unclassifiedMinutes)} h · <strong>Total {hours(split.totalMinutes)} h</strong>
        {requests !== undefined ? ` · ${requests} requests` : ''}
      </Text>
    </Paper>
  );
}

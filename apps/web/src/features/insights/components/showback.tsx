import { Paper, SegmentedControl, Skeleton, Table, Text, Title, Group } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import type { GroupBy } from '@altitude/shared/insights';
import { usePhone } from '../../../lib/use-phone';
import { useTimeSplit } from '../api/get-time-split';
import type { Period } from '../hooks/use-period';
import { hours, pct } from './report-format';
import { SplitBar } from './split-bar';
import { ShowbackCards } from './showback-cards';
import { WideTable } from './wide-table';

const views: { value: Exclude<GroupBy, 'week'>; label: string; column: string }[] = [
  { value: 'department', label: 'By department', column: 'Requesting department' },
  { value: 'type', label: 'By request type', column: 'Request type' },
  { value: 'assignee', label: 'By marketer', column: 'Marketer' },
  { value: 'initiative', label: 'By initiative', column: 'Initiative' },
];

/** "Who asks for what": logged hours split by class, per department, type or marketer. */
export function Showback({ period }: { period: Period }) {
  const [view, setView] = useState<Exclude<GroupBy, 'week'>>('department');
  // Four groupings do not fit a phone's width side by side: they stack there.
  const phone = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  // Up to a tablet's width the table becomes cards (ShowbackCards).
  const cards = usePhone();
  const { data } = useTimeSplit(period, view);
  const column = views.find((v) => v.value === view)!.column;
  const max = Math.max(0, ...(data?.groups.map((g) => g.totalMinutes) ?? []));
  return (
    <Paper withBorder p="lg" radius="md" id="showback">
      <Group justify="space-between" mb="sm" gap="sm">
        <div>
          <Title order={3} size="h4">
            Who asks for what
          </Title>
          <Text size="sm" c="dimmed">
            Hours logged in the period, by where the work came from.
          </Text>
        </div>
        <SegmentedControl
          className="no-print"
          size="xs"
          maw="100%"
          orientation={phone ? 'vertical' : 'horizontal'}
          fullWidth={phone}
          value={view}
          onChange={(v) => setView(v as typeof view)}
          data={views.map(({ value, label }) => ({ value, label }))}
        />
      </Group>
      {!data ? (
        <Skeleton h={200} />
      ) : cards ? (
        <ShowbackCards data={data} max={max} />
      ) : (
        <WideTable label="Who asks for what, table">
          <Table verticalSpacing={6} fz="sm" data-testid="showback-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{column}</Table.Th>
                <Table.Th w="34%">Split</Table.Th>
                <Table.Th ta="right">Strategic h</Table.Th>
                <Table.Th ta="right">Tactical h</Table.Th>
                <Table.Th ta="right">Unclassified h</Table.Th>
                <Table.Th ta="right">Total h</Table.Th>
                <Table.Th ta="right">Strategic</Table.Th>
                <Table.Th ta="right">Requests</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.peopleHidden && (
                <Table.Tr>
                  <Table.Td colSpan={8}>
                    <Text size="sm" c="dimmed">
                      Board view: hours per marketer are hidden. The team total is below.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {data.groups.map((g) => (
                <Table.Tr key={g.key}>
                  <Table.Td>{g.label}</Table.Td>
                  <Table.Td>
                    <SplitBar split={g} max={max} />
                  </Table.Td>
                  <Table.Td ta="right">{hours(g.strategicMinutes)}</Table.Td>
                  <Table.Td ta="right">{hours(g.tacticalMinutes)}</Table.Td>
                  <Table.Td ta="right">{hours(g.unclassifiedMinutes)}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {hours(g.totalMinutes)}
                  </Table.Td>
                  <Table.Td ta="right">{pct(g.strategicShare)}</Table.Td>
                  <Table.Td ta="right">{g.requestCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>All</Table.Th>
                <Table.Th />
                <Table.Th ta="right">{hours(data.total.strategicMinutes)}</Table.Th>
                <Table.Th ta="right">{hours(data.total.tacticalMinutes)}</Table.Th>
                <Table.Th ta="right">{hours(data.total.unclassifiedMinutes)}</Table.Th>
                <Table.Th ta="right">{hours(data.total.totalMinutes)}</Table.Th>
                <Table.Th ta="right">{pct(data.total.strategicShare)}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </WideTable>
      )}
    </Paper>
  );
}

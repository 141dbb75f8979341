import { Paper, SegmentedControl, Skeleton, Table, Text, Title, Group } from '@mantine/core';
import { useState } from 'react';
import { formatBusinessMinutes } from '../../../lib/format';
import { useServiceLevels, type ServiceGrouping } from '../api/get-service-levels';
import type { Period } from '../hooks/use-period';
import { pct } from './report-format';
import { WideTable } from './wide-table';
import stacked from '../../../components/stacked-table.module.css';

const views: { value: ServiceGrouping; label: string; column: string }[] = [
  { value: 'type', label: 'By type', column: 'Request type' },
  { value: 'department', label: 'By department', column: 'Requesting department' },
  { value: 'assignee', label: 'By marketer', column: 'Marketer' },
];

/**
 * Whether the catalogue's promises are kept: deliveries on time, how fast a marketer first
 * answers, time spent waiting on requesters, needs-info rounds and rushes, per type, department
 * or marketer. Definitions as the API documents them (docs/product.md).
 */
export function ServiceLevelsSection({ period }: { period: Period }) {
  const [view, setView] = useState<ServiceGrouping>('type');
  const { data } = useServiceLevels(period, view);
  const column = views.find((v) => v.value === view)!.column;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" id="service-levels" data-testid="service-levels">
      <Group justify="space-between" mb="sm" gap="sm">
        <div>
          <Title order={3} size="h4">
            Service levels
          </Title>
          <Text size="sm" c="dimmed">
            Delivered in the period and on time by the expected-by date; the other figures are for requests filed in it. Times are business
            hours (h) and days (d, 8 h).
          </Text>
        </div>
        <SegmentedControl
          className="no-print"
          size="xs"
          maw="100%"
          value={view}
          onChange={(v) => setView(v as ServiceGrouping)}
          data={views.map(({ value, label }) => ({ value, label }))}
          aria-label="Group service levels"
        />
      </Group>
      {!data ? (
        <Skeleton h={160} />
      ) : (
        <WideTable label="Service levels, table">
          <Table verticalSpacing={6} fz="sm" data-testid="service-levels-table" miw={640} className={stacked.table}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{column}</Table.Th>
                <Table.Th ta="right">Delivered</Table.Th>
                <Table.Th ta="right">On time</Table.Th>
                <Table.Th ta="right">First response (median)</Table.Th>
                <Table.Th ta="right">Paused</Table.Th>
                <Table.Th ta="right">Needs-info rounds</Table.Th>
                <Table.Th ta="right">Rushes</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.peopleHidden ? (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text size="sm" c="dimmed">
                      Board view: figures per marketer are hidden.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : data.groups.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text size="sm" c="dimmed">
                      No request was filed or delivered in this period.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
              {data.groups.map((g) => (
                <Table.Tr key={g.key}>
                  <Table.Td>{g.label}</Table.Td>
                  <Table.Td ta="right" data-label="Delivered">
                    {g.delivered}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-label="On time">
                    {g.onTimeShare === null ? (
                      '—'
                    ) : (
                      <>
                        {pct(g.onTimeShare)}{' '}
                        <Text span size="xs" c="dimmed">
                          ({g.onTime})
                        </Text>
                      </>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" data-label="First response (median)">
                    {formatBusinessMinutes(g.medianFirstResponseMinutes)}
                  </Table.Td>
                  <Table.Td ta="right" data-label="Paused">
                    {formatBusinessMinutes(g.pausedMinutes)}
                  </Table.Td>
                  <Table.Td ta="right" data-label="Needs-info rounds">
                    {g.filed === 0 ? '—' : g.needsInfoRounds.toFixed(1)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-label="Rushes">
                    {g.rushCount}
                    {g.filed > 0 && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        of {g.filed}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </WideTable>
      )}
    </Paper>
  );
}

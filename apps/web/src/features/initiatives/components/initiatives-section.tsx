import { Paper, Skeleton, Table, Text, Title } from '@mantine/core';
import { useLookup } from '../../../lib/directory';
import { plural } from '../../../lib/format';
import { useInitiativesReport, type ReportPeriod } from '../api/get-initiatives-report';
import { quarterLabel } from './quarters';

/** Hours with one decimal: "12.5". */
const hours = (minutes: number) => (minutes / 60).toLocaleString('en', { maximumFractionDigits: 1 });

/**
 * Insights → Initiatives: per initiative, the hours logged in the period, requests delivered in
 * it and open now; and the strategic hours that serve no initiative ("strategic in name only?").
 */
export function InitiativesSection({ period }: { period: ReportPeriod }) {
  const { data } = useInitiativesReport(period);
  const lookup = useLookup();
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" id="initiatives">
      <Title order={3} size="h4">
        Initiatives
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Hours logged in the period on each initiative&apos;s requests, requests delivered in the period, and requests open now.
      </Text>
      {!data ? (
        <Skeleton h={160} />
      ) : (
        // At phone width the owner moves under the name and names wrap, so every figure stays in view.
        <Table verticalSpacing={6} horizontalSpacing="xs" fz="sm" aria-label="Initiatives" data-testid="initiatives-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Initiative</Table.Th>
              <Table.Th visibleFrom="sm">Owner</Table.Th>
              <Table.Th ta="right">Hours</Table.Th>
              <Table.Th ta="right">Delivered</Table.Th>
              <Table.Th ta="right">Open</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((i) => (
              <Table.Tr key={i.initiativeId}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {i.name}{' '}
                  <Text span size="xs" c="dimmed">
                    {quarterLabel(i.quarter)}
                  </Text>
                  <Text size="xs" c="dimmed" hiddenFrom="sm">
                    {lookup.user(i.ownerId)?.name}
                  </Text>
                </Table.Td>
                <Table.Td visibleFrom="sm">{lookup.user(i.ownerId)?.name ?? '—'}</Table.Td>
                <Table.Td ta="right">{hours(i.minutes)}</Table.Td>
                <Table.Td ta="right">{i.delivered}</Table.Td>
                <Table.Td ta="right">{i.open}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td>
                No initiative{' '}
                <Text span size="xs" c="dimmed">
                  strategic in name only? {plural(data.unlinked.requests, 'request')}
                </Text>
              </Table.Td>
              <Table.Td visibleFrom="sm">—</Table.Td>
              <Table.Td ta="right">{hours(data.unlinked.strategicMinutes)}</Table.Td>
              <Table.Td ta="right">—</Table.Td>
              <Table.Td ta="right">—</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

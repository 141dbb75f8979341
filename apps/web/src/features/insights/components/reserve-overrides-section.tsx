import { Paper, Skeleton, Table, Text, Title } from '@mantine/core';
import type { ReserveOverridesReport } from '@altitude/shared/reserve-trade-off';
import { hours } from './report-format';

/**
 * "Accept anyway" at triage, counted: which requesting departments' tactical work took marketers'
 * strategic reserve in the period, how often and how many hours.
 */
export function ReserveOverridesSection({ data }: { data: ReserveOverridesReport | undefined }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" id="reserve-overrides" data-testid="reserve-overrides-section">
      <Title order={3} size="h4">
        Reserve overrides
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Tactical work accepted although it takes a marketer&apos;s strategic reserve, by the department that asked for it.
      </Text>
      {!data ? (
        <Skeleton h={80} />
      ) : data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No strategic reserve was given up for tactical work in this period.
        </Text>
      ) : (
        <Table verticalSpacing={4} horizontalSpacing="xs" fz="sm" aria-label="Reserve overrides by department">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Department</Table.Th>
              <Table.Th ta="right">Overrides</Table.Th>
              <Table.Th ta="right">Reserve hours</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((g) => (
              <Table.Tr key={g.departmentId}>
                <Table.Td>{g.label}</Table.Td>
                <Table.Td ta="right">{g.count}</Table.Td>
                <Table.Td ta="right">{hours(g.reserveMinutes)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>Total</Table.Th>
              <Table.Th ta="right">{data.total.count}</Table.Th>
              <Table.Th ta="right">{hours(data.total.reserveMinutes)}</Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}
    </Paper>
  );
}

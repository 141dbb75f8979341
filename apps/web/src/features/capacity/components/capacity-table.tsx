import { Table } from '@mantine/core';
import type { Capacity } from '@altitude/shared/capacity';
import { PersonName } from './person-name';
import { WeekCell } from './week-cell';
import { weekHeading } from './week-heading';

/** Wide screens: one row per person, one column per week. */
export function CapacityTable({ capacity, meId }: { capacity: Capacity; meId: number }) {
  return (
    <Table
      layout="fixed"
      verticalSpacing="sm"
      horizontalSpacing="sm"
      striped
      aria-label="Capacity by person and week"
      style={{ minWidth: 160 + capacity.weeks.length * 130 }}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={180}>Person</Table.Th>
          {capacity.weeks.map((w) => (
            <Table.Th key={w}>{weekHeading(w)}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {capacity.people.map((p) => (
          <Table.Tr key={p.userId} data-testid="capacity-person">
            <Table.Th scope="row" fw={400} style={{ verticalAlign: 'top' }}>
              <PersonName person={p} you={p.userId === meId} />
            </Table.Th>
            {p.weeks.map((w) => (
              <Table.Td key={w.week} style={{ verticalAlign: 'top' }}>
                <WeekCell week={w} />
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

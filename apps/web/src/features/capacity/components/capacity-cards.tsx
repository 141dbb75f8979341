import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Capacity } from '@altitude/shared/capacity';
import { PersonName } from './person-name';
import { WeekCell } from './week-cell';
import { weekHeading } from './week-heading';

/** Phones: one card per person, their weeks as rows, so nothing scrolls sideways. */
export function CapacityCards({ capacity, meId }: { capacity: Capacity; meId: number }) {
  return (
    <Stack gap="sm">
      {capacity.people.map((p) => (
        <Paper key={p.userId} withBorder radius="md" p="sm" component="section" aria-label={p.name} data-testid="capacity-person">
          <Stack gap="xs">
            <div>
              <PersonName person={p} you={p.userId === meId} />
            </div>
            {p.weeks.map((w) => (
              <SimpleGrid key={w.week} cols={2} spacing="xs" style={{ gridTemplateColumns: '7.5rem 1fr', alignItems: 'start' }}>
                <Text size="sm" c="dimmed">
                  {weekHeading(w.week)}
                </Text>
                <WeekCell week={w} />
              </SimpleGrid>
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

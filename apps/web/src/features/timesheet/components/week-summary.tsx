import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { reportClasses } from '@altitude/shared/domain';
import type { Timesheet } from '@altitude/shared/timesheet';
import { classificationColor, formatMinutes } from '../../../lib/format';

const classLabel = { strategic: 'Strategic', tactical: 'Tactical', unclassified: 'Unclassified' } as const;

/** The week at a glance: logged against working time, the gap still to account for, and the split by class. */
export function WeekSummary({ sheet }: { sheet: Timesheet }) {
  const { loggedMinutes: logged, availableMinutes: available, gapMinutes: gap } = sheet;
  const percent = available > 0 ? Math.round((logged / available) * 100) : null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
      <Paper withBorder radius="md" p="md">
        <Stack gap={6}>
          <Text size="sm" c="dimmed">
            Logged this week
          </Text>
          <Text fw={700} fz="xl" data-testid="week-logged">
            {formatMinutes(logged)}{' '}
            <Text span c="dimmed" fz="sm" fw={400}>
              of {formatMinutes(available)} working time
            </Text>
          </Text>
          <Progress
            value={Math.min(100, percent ?? 0)}
            aria-label={percent === null ? 'No working time this week' : `${percent} % of working time logged`}
          />
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Stack gap={6}>
          <Text size="sm" c="dimmed">
            Gap to working time
          </Text>
          <Text fw={700} fz="xl" c={gap > 0 ? 'orange.9' : 'teal.9'} data-testid="week-gap">
            {gap > 0 ? `${formatMinutes(gap)} unaccounted` : gap === 0 ? 'None: fully accounted' : `${formatMinutes(-gap)} over`}
          </Text>
          <Text size="xs" c="dimmed">
            {sheet.holidays.length > 0
              ? `Holidays: ${sheet.holidays.map((h) => h.name).join(', ')}`
              : 'Working time: weekly hours over Monday to Friday'}
          </Text>
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Stack gap={6}>
          <Text size="sm" c="dimmed">
            By class
          </Text>
          <Group gap="xs">
            {reportClasses.map((c) => (
              <Badge key={c} color={classificationColor[c]} variant="light" size="lg" tt="none" data-testid={`class-${c}`}>
                {classLabel[c]} {formatMinutes(sheet.classes[c])}
              </Badge>
            ))}
          </Group>
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}

import { SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useUsers } from '../../../lib/directory';
import { useHolidays } from '../api/get-holidays';
import { HolidaysEditor } from './holidays-editor';
import { WeeklyHours } from './weekly-hours';

/** Settings → Working time: what "available" means when Insights measures coverage. */
export function WorkingTimeTab() {
  const holidays = useHolidays();
  const users = useUsers();
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed" maw={720}>
        Coverage on Insights compares the hours people logged with the hours they were available: their weekly hours on working days, less
        company holidays. Low coverage means the split describes only part of the team&apos;s time.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" maw={1100}>
        {holidays.data ? <HolidaysEditor key={JSON.stringify(holidays.data)} holidays={holidays.data} /> : <Skeleton h={200} />}
        {users.data ? <WeeklyHours users={users.data} /> : <Skeleton h={200} />}
      </SimpleGrid>
    </Stack>
  );
}

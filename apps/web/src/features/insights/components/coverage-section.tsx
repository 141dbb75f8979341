import { Grid, Group, Paper, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { Coverage } from '@altitude/shared/working-time';
import { useCoverage } from '../api/get-coverage';
import type { Period } from '../hooks/use-period';
import { hours, pct } from './report-format';

/** Below this, the insight says the split describes too little of the team's time (the API's rule, shown the same way). */
const low = 0.6;
const colorOf = (coverage: number | null) => (coverage === null ? 'gray' : coverage < low ? 'orange' : 'teal');
const barValue = (coverage: number | null) => Math.min(100, Math.round((coverage ?? 0) * 100));

function PersonRow({ p }: { p: Coverage['people'][number] }) {
  return (
    <div data-testid="coverage-person">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={500} truncate>
          {p.name}
        </Text>
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {hours(p.loggedMinutes)} of {hours(p.availableMinutes)} h ·{' '}
          <Text span fw={600} c="var(--mantine-color-text)">
            {p.coverage === null ? '–' : pct(p.coverage)}
          </Text>
        </Text>
      </Group>
      <Progress
        value={barValue(p.coverage)}
        color={colorOf(p.coverage)}
        size="md"
        mt={4}
        aria-label={`${p.name}: ${p.coverage === null ? 'not available' : pct(p.coverage)} of available time logged`}
      />
    </div>
  );
}

/** Coverage: how much of the team's available time the logged split describes, for the team and each person. */
export function CoverageSection({ period }: { period: Period }) {
  const { data } = useCoverage(period);
  return (
    <Paper withBorder p="lg" radius="md" id="coverage" component="section" aria-labelledby="coverage-title">
      <Title order={3} size="h4" id="coverage-title">
        Coverage
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Hours logged against hours available (weekly hours on working days, less company holidays). The time split describes only the logged
        part.
      </Text>
      {!data ? (
        <Skeleton h={160} />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Stack gap={4} data-testid="coverage-team">
              <Text size="sm" c="dimmed">
                Team
              </Text>
              <Text fz={36} fw={700} lh={1} c={data.coverage !== null && data.coverage < low ? 'orange.9' : undefined}>
                {data.coverage === null ? '–' : pct(data.coverage)}
              </Text>
              <Text size="sm">
                {hours(data.loggedMinutes)} h logged of {hours(data.availableMinutes)} h available
              </Text>
              <Text size="xs" c="dimmed">
                {data.workingDays} working {data.workingDays === 1 ? 'day' : 'days'}
                {data.holidays.length > 0 && `; holidays: ${data.holidays.map((h) => h.name).join(', ')}`}
              </Text>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <Stack gap="sm">
              {data.people.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {data.availableMinutes === 0
                    ? 'Nobody was available in this period.'
                    : 'Per-person figures are hidden in the board view.'}
                </Text>
              ) : (
                data.people.map((p) => <PersonRow key={p.userId} p={p} />)
              )}
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </Paper>
  );
}

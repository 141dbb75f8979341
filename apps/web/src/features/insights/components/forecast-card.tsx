import { Badge, Group, Paper, Skeleton, Text, Title } from '@mantine/core';
import type { Forecast } from '@altitude/shared/forecast';
import { quarterRange } from '@altitude/shared/quarter';
import { hours, pct } from './report-format';

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
/** "2026-12-31" → "31 Dec": the quarter's last day, a calendar date (never shifted by the browser's zone). */
const quarterEnd = (f: Forecast) => dayMonth.format(new Date(`${quarterRange(f.quarter).to}T00:00:00Z`));

const weeks = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'week' : 'weeks'}`;

/** "Projected 31 % by 31 Dec (27–35 %)"; the range is left out when it rounds to the projection itself. */
export function projectionText(f: Forecast): string | null {
  if (f.projectedShare === null) return null;
  const low = f.projectedLow === null ? null : pct(f.projectedLow);
  const high = f.projectedHigh === null ? null : pct(f.projectedHigh);
  const range = low !== null && high !== null && low !== high ? ` (${low.replace(' %', '')}–${high})` : '';
  return `Projected ${pct(f.projectedShare)} by ${quarterEnd(f)}${range}`;
}

/** What closes the gap, or that nothing needs to: the sentence under the projection. */
export function gapText(f: Forecast): string {
  if (f.projectedShare === null) return 'Nothing logged or planned yet to project from.';
  if (f.target === null) return `No target is set for ${f.quarter}.`;
  if (f.projectedShare >= f.target) return 'On course for the target';
  if (f.neededStrategicMinutesPerWeek === 0) return 'No working week is left to close the gap.';
  const perWeek = `+${hours(f.neededStrategicMinutesPerWeek)} h strategic a week for the ${weeks(f.weeksLeft)} left`;
  return f.neededTacticalMinutesHandedBack > 0
    ? `${perWeek}, or ${hours(f.neededTacticalMinutesHandedBack)} h of tactical work handed back`
    : perWeek;
}

/**
 * The headline's look ahead: where the current quarter's strategic share is heading (logged time,
 * committed estimates and the recent run rate), against its target, and what closes the gap.
 * Always the current quarter, whatever period the rest of the page shows.
 */
export function ForecastCard({ data }: { data: Forecast | undefined }) {
  if (!data) return <Skeleton h={110} />;
  const projection = projectionText(data);
  const behind = data.target !== null && data.projectedShare !== null && data.projectedShare < data.target;
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      id="forecast"
      data-testid="forecast"
      component="section"
      aria-labelledby="forecast-title"
    >
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Title order={3} size="h4" id="forecast-title">
          Forecast
        </Title>
        <Badge variant="light" color="gray">
          {data.quarter}
        </Badge>
      </Group>
      {projection && (
        <Text fz={{ base: 22, sm: 28 }} fw={700} lh={1.3} data-testid="forecast-projection">
          {projection}
        </Text>
      )}
      <Group gap="md" wrap="wrap" data-testid="forecast-facts">
        <Text size="sm" c={data.target === null ? 'dimmed' : behind ? 'red.8' : 'teal.8'} fw={600}>
          {data.target === null ? 'No target' : `Target ${pct(data.target)}`}
        </Text>
        {data.shareSoFar !== null && <Text size="sm">{pct(data.shareSoFar)} so far</Text>}
        <Text size="sm">{weeks(data.weeksLeft)} left</Text>
      </Group>
      <Text size="sm" mt={4} fw={behind ? 600 : undefined} data-testid="forecast-gap">
        {gapText(data)}
      </Text>
    </Paper>
  );
}

import { Group, Paper, SimpleGrid, Skeleton, Text } from '@mantine/core';
import type { Change, Headline } from '@altitude/shared/insights';
import { hours, pct, points, signedPct } from './report-format';

function Delta({ label, good }: { label: string; good: boolean | null }) {
  return (
    <Text size="xs" c={good === null ? 'dimmed' : good ? 'teal.7' : 'red.7'} fw={500}>
      {label} vs previous period
    </Text>
  );
}

function Stat({ title, value, children }: { title: string; value: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {title}
      </Text>
      <Text fz={28} fw={700} lh={1.3}>
        {value}
      </Text>
      {children}
    </Paper>
  );
}

const changeLabel = (c: Change) => signedPct(c.change);

export function HeadlineCards({ data }: { data: Headline | undefined }) {
  if (!data) return <Skeleton h={110} />;
  const share = data.strategicShare;
  const onTarget = share.target === null ? null : share.value >= share.target;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} id="headline">
      <Stat title="Strategic share" value={pct(share.value)}>
        <Group gap={6}>
          {share.target !== null && (
            <Text size="xs" c={onTarget ? 'teal.7' : 'red.7'} fw={600}>
              target {pct(share.target)}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {points(share.difference)} vs previous
          </Text>
        </Group>
      </Stat>
      <Stat title="Hours logged" value={hours(data.loggedMinutes.value)}>
        <Delta label={changeLabel(data.loggedMinutes)} good={null} />
        {data.unclassifiedMinutes.value > 0 && (
          <Text size="xs" c="orange.8">
            {hours(data.unclassifiedMinutes.value)} h not yet classified
          </Text>
        )}
      </Stat>
      <Stat title="Requests received" value={String(data.requestsReceived.value)}>
        <Delta label={changeLabel(data.requestsReceived)} good={null} />
      </Stat>
      <Stat title="Requests delivered" value={String(data.requestsDelivered.value)}>
        <Delta
          label={changeLabel(data.requestsDelivered)}
          good={data.requestsDelivered.change === null ? null : data.requestsDelivered.change >= 0}
        />
      </Stat>
    </SimpleGrid>
  );
}

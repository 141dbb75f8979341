import { Group, Paper, SimpleGrid, Skeleton, Text } from '@mantine/core';
import type { Change, Headline } from '@altitude/shared/insights';
import { changeText, hours, pct } from './report-format';

/**
 * A card's change against the comparison period, in the words `changeText` gives it. `better` says
 * which direction is good news (null: neither), so only a real, comparable change is coloured.
 */
function Delta({ change, better = null }: { change: Change; better?: 'up' | 'down' | null }) {
  const text = changeText(change);
  if (change.basis === 'no_earlier_data' || change.difference === null) {
    return (
      <Text size="xs" c="dimmed" fs="italic">
        {text}
      </Text>
    );
  }
  const good = better === null || change.difference === 0 ? null : change.difference > 0 === (better === 'up');
  return (
    <Text size="xs" c={good === null ? 'dimmed' : good ? 'teal.8' : 'red.8'} fw={500}>
      {text} vs previous period
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

export function HeadlineCards({ data }: { data: Headline | undefined }) {
  if (!data) return <Skeleton h={110} />;
  const onTarget = data.target === null ? null : data.strategicShare >= data.target;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} id="headline">
      <Stat title="Strategic share" value={pct(data.strategicShare)}>
        <Group gap={6}>
          {data.target !== null && (
            <Text size="xs" c={onTarget ? 'teal.8' : 'red.8'} fw={600}>
              target {pct(data.target)}
            </Text>
          )}
          <Delta change={data.changes.strategicShare} better="up" />
        </Group>
      </Stat>
      <Stat title="Hours logged" value={hours(data.loggedMinutes)}>
        <Delta change={data.changes.loggedMinutes} />
        {data.coverage !== null && (
          <Text size="xs" c="dimmed">
            {pct(data.coverage)} of {hours(data.availableMinutes)} h working time
          </Text>
        )}
        {data.unclassifiedMinutes > 0 && (
          <Text size="xs" c="orange.9">
            {hours(data.unclassifiedMinutes)} h not yet classified
          </Text>
        )}
      </Stat>
      <Stat title="Requests received" value={String(data.requestsReceived)}>
        <Delta change={data.changes.requestsReceived} />
      </Stat>
      <Stat title="Requests delivered" value={String(data.requestsDelivered)}>
        <Delta change={data.changes.requestsDelivered} better="up" />
      </Stat>
    </SimpleGrid>
  );
}

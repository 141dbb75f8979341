import { Anchor, Badge, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { InsightList as Insights } from '@altitude/shared/insights';

/** The plain-language reading of the numbers, most important first; each links to its evidence. */
export function InsightList({ data }: { data: Insights | undefined }) {
  return (
    <Paper withBorder p="lg" radius="md" id="insights">
      <Title order={3} size="h4" mb="sm">
        What the numbers say
      </Title>
      {!data ? (
        <Skeleton h={120} />
      ) : data.items.length === 0 ? (
        <Text c="dimmed">Not enough activity in this period to say anything with confidence.</Text>
      ) : (
        <Stack gap="xs" component="ol" style={{ paddingLeft: 0, margin: 0, listStyle: 'none' }}>
          {data.items.map((item, i) => (
            <Group key={item.id} component="li" gap="sm" wrap="nowrap" align="flex-start" data-testid="insight">
              <Badge variant="light" color={i < 2 ? 'indigo' : 'gray'} radius="sm" mt={2} w={28} px={0}>
                {i + 1}
              </Badge>
              <Text size="sm" style={{ flex: 1 }}>
                {item.text}{' '}
                <Anchor href={item.link.slice(item.link.indexOf('#'))} size="sm" className="no-print">
                  see figures
                </Anchor>
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

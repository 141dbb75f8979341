import { Anchor, Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { OverrideGroup, Overrides } from '@altitude/shared/overrides';
import { useLookup } from '../../../lib/directory';
import { hours, pct } from './report-format';

const classLabel = { strategic: 'Strategic', tactical: 'Tactical' } as const;

/** Share points, signed: +0.043 → "+4.3 pts". One decimal, since a single request often moves less than a point. */
const signedPoints = (effect: number) => {
  const pts = Math.round(effect * 1000) / 10;
  return `${pts > 0 ? '+' : pts < 0 ? '−' : '±'}${Math.abs(pts).toLocaleString('en')}`;
};
const effectPoints = (effect: number) => `${signedPoints(effect)} pts`;

function GroupTable({ caption, groups }: { caption: string; groups: OverrideGroup[] }) {
  return (
    <Table verticalSpacing={4} horizontalSpacing="xs" fz="sm" captionSide="top">
      <Table.Caption style={{ textAlign: 'left', fontWeight: 600, color: 'var(--mantine-color-text)' }}>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{caption.replace(/^By /, '').replace(/^./, (c) => c.toUpperCase())}</Table.Th>
          <Table.Th ta="right">
            <abbr title="Requests">Req.</abbr>
          </Table.Th>
          <Table.Th ta="right">Hours</Table.Th>
          <Table.Th ta="right">
            <abbr title="Points of strategic share these overrides add (+) or take away (−)">Points</abbr>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {groups.map((g) => (
          <Table.Tr key={g.key}>
            <Table.Td>{g.label}</Table.Td>
            <Table.Td ta="right">{g.count}</Table.Td>
            <Table.Td ta="right">{hours(g.minutes)}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {signedPoints(g.shareEffect)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Requests classified against their type's default: how much of the share is relabelling, who and
 * which departments it comes from, and each request with the note that explains it.
 */
export function OverridesSection({ data }: { data: Overrides | undefined }) {
  const lookup = useLookup();
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" id="overrides" data-testid="overrides-section">
      <Title order={3} size="h4">
        Overrides
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Requests classified against their type&apos;s default, with the hours logged on them in this period and how far they move the
        strategic share.
      </Text>
      {!data ? (
        <Skeleton h={120} />
      ) : data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No request with time in this period is classified against its type&apos;s default.
          {data.total.reclassifiedAfterStart > 0 && ` ${reclassified(data.total.reclassifiedAfterStart)}`}
        </Text>
      ) : (
        <Stack gap="md">
          <Text size="sm" data-testid="overrides-total">
            <b>
              {data.total.count} {data.total.count === 1 ? 'request' : 'requests'}, {hours(data.total.minutes)} h
            </b>{' '}
            of {hours(data.total.loggedMinutes)} h logged. They move the strategic share by <b>{effectPoints(data.total.shareEffect)}</b> (
            {pct(data.total.shareAtDefaults)} at the types&apos; defaults, {pct(data.total.strategicShare)} as reported).
            {data.total.reclassifiedAfterStart > 0 && ` ${reclassified(data.total.reclassifiedAfterStart)}`}
          </Text>
          <SimpleGrid cols={{ base: 1, md: data.byClassifier ? 2 : 1 }} spacing="lg">
            <GroupTable caption="By department" groups={data.byDepartment} />
            {data.byClassifier && <GroupTable caption="By who classified" groups={data.byClassifier} />}
          </SimpleGrid>
          <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Overridden requests">
            {data.items.map((item) => (
              <li key={item.requestId} style={{ borderTop: '1px solid var(--mantine-color-default-border)', padding: '8px 0' }}>
                <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
                  <div style={{ minWidth: 0, flex: '1 1 240px' }}>
                    <Anchor component={Link} to={`/requests/${item.requestId}`} size="sm" fw={600}>
                      {item.key}
                    </Anchor>{' '}
                    <Text span size="sm">
                      {item.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {lookup.type(item.typeId)?.name ?? 'Type'} · {lookup.department(item.departmentId)?.name ?? ''}
                      {item.classifiedById !== null && ` · classified by ${lookup.user(item.classifiedById)?.name ?? 'someone'}`}
                    </Text>
                  </div>
                  <Group gap={6} wrap="nowrap">
                    <Badge variant="light" color="gray" size="sm">
                      {classLabel[item.defaultClassification]}
                    </Badge>
                    <Text size="sm" aria-label="changed to">
                      →
                    </Text>
                    <Badge variant="light" color={item.classification === 'strategic' ? 'violet' : 'orange'} size="sm">
                      {classLabel[item.classification]}
                    </Badge>
                    <Text size="sm" fw={600} miw={56} ta="right">
                      {hours(item.minutes)} h
                    </Text>
                  </Group>
                </Group>
                <Text size="sm" mt={2} c={item.note ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
                  {item.note ? `“${item.note}”` : 'No note (classified before notes were required, or the type’s default changed since).'}
                </Text>
              </li>
            ))}
          </Stack>
        </Stack>
      )}
    </Paper>
  );
}

const reclassified = (n: number) =>
  `${n} ${n === 1 ? 'class was' : 'classes were'} changed in this period after work on the request had started.`;

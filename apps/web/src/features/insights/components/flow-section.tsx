import { Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Flow } from '@altitude/shared/insights';
import { formatDate, plural, statusLabel } from '../../../lib/format';
import { classColors } from './weekly-split-chart';
import { WideTable } from './wide-table';
import stacked from '../../../components/stacked-table.module.css';

const classLabel = { strategic: 'Strategic', tactical: 'Tactical', unclassified: 'Unclassified' } as const;
const daysText = (d: number | null) => (d === null ? '—' : `${d.toFixed(1)} d`);

/** How work flows: cycle time against each type's usual turnaround, throughput, and what is ageing. */
export function FlowSection({ data }: { data: Flow | undefined }) {
  if (!data) return <Skeleton h={360} id="flow" />;
  const throughput = data.throughput.map((w) => ({
    week: formatDate(w.week),
    Strategic: w.strategic,
    Tactical: w.tactical,
    Unclassified: w.unclassified,
  }));
  const types = data.cycleTime.byType.filter((t) => t.count > 0);
  return (
    <Paper withBorder p="lg" radius="md" id="flow">
      <Title order={3} size="h4">
        Flow
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Cycle time runs from the first move out of intake to done. {plural(data.cycleTime.overall.count, 'request')} delivered in the
        period; median {daysText(data.cycleTime.overall.medianDays)}, 85th percentile {daysText(data.cycleTime.overall.p85Days)}.
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="sm">
          {/* Named, so that on a phone, where both tables become cards, one does not run into the other. */}
          <Title order={4} size="sm">
            By class
          </Title>
          <Table fz="sm" verticalSpacing={4} data-testid="cycle-by-class" className={stacked.table}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Class</Table.Th>
                <Table.Th ta="right">Delivered</Table.Th>
                <Table.Th ta="right">Median</Table.Th>
                <Table.Th ta="right">85th pct</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.cycleTime.byClass.map((c) => (
                <Table.Tr key={c.classification}>
                  <Table.Td>{classLabel[c.classification]}</Table.Td>
                  <Table.Td ta="right" data-label="Delivered">
                    {c.count}
                  </Table.Td>
                  <Table.Td ta="right" data-label="Median">
                    {daysText(c.medianDays)}
                  </Table.Td>
                  <Table.Td ta="right" data-label="85th pct">
                    {daysText(c.p85Days)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={4} size="sm" mt="sm">
            By type
          </Title>
          <WideTable label="Cycle time by type, table">
            <Table fz="sm" verticalSpacing={4} className={stacked.table}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Type</Table.Th>
                  <Table.Th ta="right">Delivered</Table.Th>
                  <Table.Th ta="right">Median</Table.Th>
                  <Table.Th ta="right">85th pct</Table.Th>
                  <Table.Th ta="right">Usual</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {types.map((t) => {
                  const slow = t.medianDays !== null && t.medianDays > t.turnaroundDays;
                  return (
                    <Table.Tr key={t.typeId}>
                      <Table.Td>{t.typeName}</Table.Td>
                      <Table.Td ta="right" data-label="Delivered">
                        {t.count}
                      </Table.Td>
                      <Table.Td ta="right" c={slow ? 'red.7' : undefined} fw={slow ? 600 : undefined} data-label="Median">
                        {daysText(t.medianDays)}
                      </Table.Td>
                      <Table.Td ta="right" data-label="85th pct">
                        {daysText(t.p85Days)}
                      </Table.Td>
                      <Table.Td ta="right" data-label="Usual">
                        {t.turnaroundDays} d
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </WideTable>
        </Stack>
        <Stack gap="sm">
          <Text size="sm" fw={500}>
            Delivered per week
          </Text>
          <div style={{ width: '100%', height: 220 }}>
            <ResponsiveContainer>
              <BarChart data={throughput} margin={{ top: 4, right: 4, bottom: 0, left: -16 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="week" tick={{ fontSize: 11 }} />
                <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
                <Tooltip />
                <Legend />
                <Bar dataKey="Strategic" stackId="t" fill={classColors.strategic} isAnimationActive={false} />
                <Bar dataKey="Tactical" stackId="t" fill={classColors.tactical} isAnimationActive={false} />
                <Bar dataKey="Unclassified" stackId="t" fill={classColors.unclassified} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <Text size="sm" fw={500}>
            Ageing work in progress (oldest first)
          </Text>
          {data.ageingWip.map((col) => (
            <div key={col.status}>
              <Group gap={6} mb={2}>
                <Text size="xs" fw={600} tt="uppercase" c="dimmed">
                  {statusLabel[col.status]}
                </Text>
                <Badge size="xs" variant="light" color={col.wipLimit !== null && col.count > col.wipLimit ? 'red' : 'gray'}>
                  {col.count}
                  {col.wipLimit !== null ? ` / ${col.wipLimit}` : ''}
                </Badge>
              </Group>
              {col.items.slice(0, 3).map((c) => (
                <Text size="xs" key={c.id} lineClamp={2}>
                  <Text span ff="monospace" c="dimmed" size="xs">
                    {c.key}
                  </Text>{' '}
                  {c.title} · <b>{Math.round(c.ageDays)} d</b>
                  {c.ageDays > c.turnaroundDays ? ` (usual ${c.turnaroundDays} d)` : ''}
                </Text>
              ))}
            </div>
          ))}
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}

import { Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { formatBusinessMinutes, plural } from '../../../lib/format';
import { useDepartmentService } from '../api/get-department-service';

const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);

function Fact({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Stack>
  );
}

/**
 * The service the requester's department gets, as the CMO's report counts it: on-time delivery,
 * the share filed as rushes, needs-info rounds per request and the median first response, over the
 * last 90 days, so a sales head sees their own rush rate.
 */
export function DepartmentServiceFacts() {
  const { data } = useDepartmentService();
  if (!data) return <Skeleton h={96} radius="md" />;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="department-service-title" data-testid="department-service">
      <Title order={3} size="h5" id="department-service-title">
        How {data.departmentName} is served
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Last 90 days: {plural(data.filed, 'request')} filed, {data.delivered} delivered.
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
        <Fact label="On time" value={pct(data.onTimeShare)} hint="of those delivered" />
        <Fact label="Rushes" value={pct(data.rushShare)} hint="needed before the turnaround" />
        <Fact
          label="Needs-info rounds"
          value={data.needsInfoRounds === null ? '—' : data.needsInfoRounds.toFixed(1)}
          hint="per request filed"
        />
        <Fact label="First response" value={formatBusinessMinutes(data.medianFirstResponseMinutes)} hint="median, business time" />
      </SimpleGrid>
    </Paper>
  );
}

import { Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { knownTimeZones } from '@altitude/shared/settings';
import { useCompany } from '../api/get-company';
import { useUpdateCompany } from '../api/update-company';
import { saved, showServerErrors } from '../../../lib/forms';

const nowIn = (timeZone: string) => {
  try {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date());
  } catch {
    return null;
  }
};

function TimeZoneForm({ current }: { current: string }) {
  const setCompany = useUpdateCompany();
  const [timezone, setTimezone] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const zones = knownTimeZones();
  const data = zones.includes(current) ? zones : [current, ...zones];

  const save = () =>
    setCompany.mutate(
      { timezone },
      {
        onSuccess: (c) => saved('Time zone saved', `Reports now count days in ${c.timezone}.`),
        onError: (e) => showServerErrors(e, { setFieldError: (_path, message) => setError(message) }, ['timezone']),
      },
    );

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Select
          label="Company time zone"
          description={`Now there: ${nowIn(timezone) ?? '—'}`}
          searchable
          allowDeselect={false}
          data={data}
          value={timezone}
          error={error}
          limit={200}
          maw={360}
          onChange={(v) => {
            if (v) setTimezone(v);
            setError(null);
          }}
        />
        <Group justify="flex-end">
          <Button onClick={save} disabled={timezone === current} loading={setCompany.isPending}>
            Save time zone
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function CompanyTab() {
  const { data } = useCompany();
  return (
    <Stack gap="md" maw={720}>
      <Text size="sm" c="dimmed">
        Reports draw period boundaries (days, Monday-start weeks and quarters) and “today” in this time zone, so a week in Insights is your
        company’s week wherever the server runs.
      </Text>
      {data && <TimeZoneForm key={data.timezone} current={data.timezone} />}
    </Stack>
  );
}

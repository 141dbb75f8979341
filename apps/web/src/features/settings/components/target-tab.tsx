import { Badge, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { quarterStartOf } from '@altitude/shared/calendar';
import { nextQuarterStart, quarterLabel } from '@altitude/shared/settings';
import { today } from '../../../lib/today';
import { useCompany } from '../api/get-company';
import { useTargets } from '../api/list-targets';
import { useSetTarget } from '../api/set-target';
import { saved, showServerErrors } from '../../../lib/forms';
import { targetPercentError } from './field-checks';

const percent = (share: number) => Math.round(share * 1000) / 10;

function QuarterTarget({ periodStart, when, share }: { periodStart: string; when: string; share: number | undefined }) {
  const setTarget = useSetTarget();
  const [value, setValue] = useState<number | string>(share === undefined ? '' : percent(share));
  const [serverError, setServerError] = useState<string | null>(null);
  // What the person typed stays in the field (150 is not blanked or clamped); it is refused here.
  const error = targetPercentError(value) ?? serverError;
  const changed = value !== '' && (share === undefined || Number(value) !== percent(share));
  const label = quarterLabel(periodStart);

  const save = () =>
    error === null &&
    setTarget.mutate(
      { periodStart, strategicShare: Number(value) / 100 },
      {
        onSuccess: () => saved('Target saved', `${label}: ${Number(value)} % strategic.`),
        onError: (e) =>
          showServerErrors(e, { setFieldError: (_path, message) => setServerError(message) }, ['strategicShare', 'periodStart']),
      },
    );

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>{label}</Title>
          <Badge variant="light" color={when === 'This quarter' ? 'indigo' : 'gray'}>
            {when}
          </Badge>
        </Group>
        <NumberInput
          label={`Strategic share target for ${label}`}
          description={share === undefined ? 'No target set yet.' : `Currently ${percent(share)} %.`}
          placeholder="e.g. 40"
          suffix=" %"
          min={0}
          max={100}
          step={5}
          decimalScale={1}
          clampBehavior="none"
          value={value}
          error={error}
          onChange={(v) => {
            setValue(v);
            setServerError(null);
          }}
        />
        <Group justify="flex-end">
          <Button onClick={save} disabled={!changed || error !== null} loading={setTarget.isPending}>
            Save {label}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The share of logged hours the lead aims to spend on strategic work, per quarter. */
export function TargetTab() {
  const { data: targets, isPending } = useTargets();
  const { data: company } = useCompany();
  if (isPending || !company) return null;
  const current = quarterStartOf(today(company.timezone));
  const next = nextQuarterStart(current);
  const shareOf = (q: string) => targets?.find((t) => t.periodStart === q)?.strategicShare;
  const earlier = (targets ?? []).filter((t) => t.periodStart < current).reverse();

  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed" maw={720}>
        The strategic share is the part of all logged hours spent on strategic work: positioning, brand, research, content strategy and
        flagship programmes, as opposed to tactical requests for one deal, event or launch. Insights draws this target as a line on the
        weekly split and measures each period against it. Set the current and the next quarter; earlier quarters keep their targets so past
        reports stay comparable.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" maw={960}>
        <QuarterTarget key={`${current}-${shareOf(current)}`} periodStart={current} when="This quarter" share={shareOf(current)} />
        <QuarterTarget key={`${next}-${shareOf(next)}`} periodStart={next} when="Next quarter" share={shareOf(next)} />
      </SimpleGrid>
      {earlier.length > 0 && (
        <Stack gap="xs" maw={960}>
          <Title order={5}>Earlier quarters</Title>
          <Paper withBorder radius="md">
            <Table verticalSpacing="xs" horizontalSpacing="md">
              <Table.Tbody>
                {earlier.map((t) => (
                  <Table.Tr key={t.periodStart}>
                    <Table.Td>{quarterLabel(t.periodStart)}</Table.Td>
                    <Table.Td ta="right">{percent(t.strategicShare)} %</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
      )}
    </Stack>
  );
}

import { Button, NumberInput, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { WorkflowColumn } from '@altitude/shared/settings';
import { plural, statusLabel } from '../../../lib/format';
import { useWorkflow } from '../api/list-workflow';
import { useSetWipLimit } from '../api/set-wip-limit';
import { saved, showServerErrors } from '../../../lib/forms';
import { wipLimitError, wipLimitOf } from './field-checks';

function WipLimitRow({ column }: { column: WorkflowColumn }) {
  const setLimit = useSetWipLimit();
  const [value, setValue] = useState<number | string>(column.wipLimit ?? '');
  const [serverError, setServerError] = useState<string | null>(null);
  const wipLimit = wipLimitOf(value);
  // Checked as typed, by the schema the server applies: nothing invalid is sent.
  const error = wipLimitError(value) ?? serverError;
  const label = statusLabel[column.status];

  const save = () =>
    error === null &&
    setLimit.mutate(
      { status: column.status, wipLimit },
      {
        onSuccess: (c) =>
          saved('WIP limit saved', c.wipLimit === null ? `${label} has no limit.` : `${label}: at most ${plural(c.wipLimit, 'card')}.`),
        onError: (e) => showServerErrors(e, { setFieldError: (_path, message) => setServerError(message) }, ['wipLimit']),
      },
    );

  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {label}
        </Text>
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={`WIP limit for ${label}`}
          placeholder="No limit"
          min={1}
          max={999}
          // No clamping: a 0 clamped to 1 on blur was saved as a limit nobody chose.
          clampBehavior="none"
          allowDecimal={false}
          allowNegative={false}
          // Narrower on a phone, so the row fits 390 px without a sideways scroll.
          w={{ base: 110, xs: 160 }}
          value={value}
          error={error}
          onChange={(v) => {
            setValue(v);
            setServerError(null);
          }}
        />
      </Table.Td>
      <Table.Td ta="right">
        <Button
          size="xs"
          variant="light"
          disabled={wipLimit === column.wipLimit || error !== null}
          loading={setLimit.isPending}
          onClick={save}
          aria-label={`Save WIP limit for ${label}`}
        >
          Save
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

export function WorkflowTab() {
  const { data: columns = [] } = useWorkflow();
  return (
    <Stack gap="md" maw={720}>
      <Text size="sm" c="dimmed">
        A work-in-progress limit caps how many cards a column should hold; the board flags a column that goes over it. Leave it empty for no
        limit.
      </Text>
      <Paper withBorder radius="md">
        <Table verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Column</Table.Th>
              <Table.Th w={200}>WIP limit</Table.Th>
              <Table.Th w={100} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {columns.map((column) => (
              <WipLimitRow key={`${column.status}-${column.wipLimit}`} column={column} />
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

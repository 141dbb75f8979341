import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { formatDuration } from '@altitude/shared/duration';
import type { TimesheetEntry } from '@altitude/shared/timesheet';
import { ApiError } from '../../../lib/api-client';
import { useDeleteTimeEntry } from '../api/delete-time-entry';
import { DurationField } from './duration-field';

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  entries: TimesheetEntry[];
  requestId: number;
  date: string;
  canAdd: boolean;
}

/** A day with several entries on one request: each is listed to correct or delete, and another can be added. */
export function CellEntriesModal({ opened, onClose, title, entries, requestId, date, canAdd }: Props) {
  const remove = useDeleteTimeEntry();
  const total = entries.reduce((sum, e) => sum + e.minutes, 0);
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="md">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {entries.length} {entries.length === 1 ? 'entry' : 'entries'}, {formatDuration(total)} in all
        </Text>
        <Table verticalSpacing={6} fz="sm">
          <Table.Tbody>
            {entries.map((e, i) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <DurationField entry={e} requestId={requestId} date={date} label={`Entry ${i + 1} of ${title}`} />
                </Table.Td>
                <Table.Td c="dimmed">{e.note || 'No note'}</Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    loading={remove.isPending && remove.variables === e.id}
                    onClick={() => remove.mutate(e.id)}
                    aria-label={`Delete entry ${i + 1} (${formatDuration(e.minutes)})`}
                  >
                    Delete
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {remove.error instanceof ApiError && (
          <Text size="sm" c="red" role="alert">
            {remove.error.message}
          </Text>
        )}
        {canAdd && (
          <Group gap="xs" align="flex-start">
            <Text size="sm" pt={4}>
              Add
            </Text>
            <DurationField requestId={requestId} date={date} label={`Another entry for ${title}`} />
          </Group>
        )}
      </Stack>
    </Modal>
  );
}

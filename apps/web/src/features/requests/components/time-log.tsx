import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { formatDuration, parseDuration } from '@altitude/shared/duration';
import { ApiError } from '../../../lib/api-client';
import { maxEntryMinutes } from '@altitude/shared/activity';
import { formatMinutes, plural } from '../../../lib/format';
import { today } from '../../../lib/today';
import { useLogTime } from '../api/log-time';
import { useTimeEntries } from '../api/list-time-entries';
import { TimeEntryRow } from './time-entry-row';

const quick = [15, 30, 60, 120];

export function TimeLog({ requestId }: { requestId: number }) {
  const { data } = useTimeEntries(requestId);
  const log = useLogTime(requestId);
  const [typed, setTyped] = useState('');
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const error = log.error instanceof ApiError ? log.error : null;

  // One parser for every duration field: what is typed is read exactly, or refused inline.
  const parsed = typed.trim() === '' ? null : parseDuration(typed, { max: maxEntryMinutes });
  const submitCustom = () => {
    if (!parsed?.ok) return;
    log.mutate(
      { minutes: parsed.minutes, date, note: note || undefined },
      {
        onSuccess: () => {
          setTyped('');
          setNote('');
        },
      },
    );
  };

  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Text size="sm" fw={500}>
          Log
        </Text>
        {quick.map((m) => (
          <Button key={m} size="compact-sm" variant="light" onClick={() => log.mutate({ minutes: m })} disabled={log.isPending}>
            +{formatMinutes(m)}
          </Button>
        ))}
      </Group>
      <Group gap="xs" align="flex-start" wrap="wrap">
        <TextInput
          aria-label="Time spent"
          placeholder="1h 15m"
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') submitCustom();
          }}
          w={130}
          // The preview goes under the field, so the row's inputs stay level.
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          description={parsed?.ok ? `= ${formatDuration(parsed.minutes)}` : undefined}
          error={(parsed && !parsed.ok ? parsed.message : undefined) ?? error?.fieldError('minutes')}
        />
        <TextInput
          aria-label="Date"
          type="date"
          max={today()}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          w={150}
          error={error?.fieldError('date')}
        />
        <TextInput
          aria-label="Note"
          placeholder="Note"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 140 }}
        />
        <Button onClick={submitCustom} disabled={!parsed?.ok} loading={log.isPending}>
          Log
        </Button>
      </Group>
      {error && !error.problem.errors?.length && (
        <Text size="sm" c="red">
          {error.message}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {formatMinutes(data?.totalMinutes ?? 0)} logged in {plural(data?.items.length ?? 0, 'entry')}
      </Text>
      {data && data.items.length > 0 && (
        <Table fz="xs" verticalSpacing={4} aria-label="Time entries">
          <Table.Tbody>
            {[...data.items]
              .reverse()
              .slice(0, 20)
              .map((e) => (
                <TimeEntryRow key={e.id} entry={e} columns={5} />
              ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

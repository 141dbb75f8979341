import { Button, Group, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { entryEditableUntil, maxEntryMinutes, mayCorrectTimeEntry, TimeEntryConflictBody, type TimeEntry } from '@altitude/shared/activity';
import { formatDuration, parseDuration } from '@altitude/shared/duration';
import { ApiError } from '../../../lib/api-client';
import { useLookup } from '../../../lib/directory';
import { formatDate, formatMinutes } from '../../../lib/format';
import { useCurrentUser } from '../../../lib/session';
import { today } from '../../../lib/today';
import { useDeleteTimeEntry } from '../api/delete-time-entry';
import { useUpdateTimeEntry } from '../api/update-time-entry';

/** The browser's zone: the server (company's zone) has the last word, this only decides what to offer. */
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "1h 15m on 20 Nov": how buttons and messages name an entry. */
const entryName = (e: Pick<TimeEntry, 'minutes' | 'date'>) => `${formatMinutes(e.minutes)} on ${formatDate(e.date)}`;

/** Why a correction was refused, in words for the person who tried. */
function refusal(error: Error): string {
  if (!(error instanceof ApiError)) return error.message;
  if (error.status === 409) {
    const conflict = TimeEntryConflictBody.safeParse(error.problem);
    return conflict.success
      ? `Someone else changed this entry meanwhile: it now reads ${entryName(conflict.data.current)}. The list shows it as it is now; correct it again if needed.`
      : error.message;
  }
  if (error.status === 404) return 'This entry was deleted meanwhile; the list shows what is left.';
  return error.message;
}

/** One entry of a request's time log, with edit in place and delete for those allowed to correct it. */
export function TimeEntryRow({ entry, columns }: { entry: TimeEntry; columns: number }) {
  const me = useCurrentUser();
  const lookup = useLookup();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm'>('view');
  const remove = useDeleteTimeEntry(entry.requestId);
  const name = entryName(entry);
  const allowed = mayCorrectTimeEntry(me, entry, today(), browserZone());

  if (mode === 'edit')
    return (
      <Table.Tr>
        <Table.Td colSpan={columns}>
          <EntryEditor entry={entry} lead={me.role === 'lead'} onDone={() => setMode('view')} />
        </Table.Td>
      </Table.Tr>
    );

  const deleteEntry = () =>
    remove.mutate(entry.id, {
      onError: (error) => {
        setMode('view');
        notifications.show({ color: 'red', title: 'Not deleted', message: refusal(error) });
      },
    });

  return (
    <Table.Tr>
      {/* Date and duration stay on one line at phone width; the name and note wrap instead. */}
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(entry.date)}</Table.Td>
      <Table.Td>{lookup.user(entry.userId)?.name}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatMinutes(entry.minutes)}</Table.Td>
      <Table.Td c="dimmed">{entry.note}</Table.Td>
      <Table.Td>
        {allowed && mode === 'view' && (
          <Group gap={4} wrap="nowrap" justify="flex-end">
            <Button size="compact-xs" variant="subtle" aria-label={`Edit ${name}`} onClick={() => setMode('edit')}>
              Edit
            </Button>
            <Button size="compact-xs" variant="subtle" color="red" aria-label={`Delete ${name}`} onClick={() => setMode('confirm')}>
              Delete
            </Button>
          </Group>
        )}
        {allowed && mode === 'confirm' && (
          <Group gap={4} wrap="nowrap" justify="flex-end" role="group" aria-label={`Delete ${name}?`}>
            <Button size="compact-xs" color="red" aria-label={`Confirm delete ${name}`} loading={remove.isPending} onClick={deleteEntry}>
              Delete
            </Button>
            <Button size="compact-xs" variant="default" onClick={() => setMode('view')}>
              Keep
            </Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The entry's minutes (through the one duration parser, with its preview), date and note, saved with the version read. */
function EntryEditor({ entry: shown, lead, onDone }: { entry: TimeEntry; lead: boolean; onDone: () => void }) {
  // The entry as it was when editing began: a live refetch meanwhile must not slip its newer version
  // under this edit, or the edit would silently overwrite someone else's correction.
  const [entry] = useState(shown);
  const update = useUpdateTimeEntry(entry.requestId);
  const [typed, setTyped] = useState(formatDuration(entry.minutes));
  const [date, setDate] = useState(entry.date);
  const [note, setNote] = useState(entry.note);
  const [problem, setProblem] = useState<string | null>(null);
  const parsed = parseDuration(typed, { max: maxEntryMinutes });
  const error = update.error instanceof ApiError && update.error.status !== 409 ? update.error : null;

  const save = () => {
    if (!parsed.ok) return;
    const body = {
      version: entry.version,
      ...(parsed.minutes === entry.minutes ? {} : { minutes: parsed.minutes }),
      ...(date === entry.date ? {} : { date }),
      ...(note.trim() === entry.note ? {} : { note }),
    };
    if (Object.keys(body).length === 1) return onDone();
    setProblem(null);
    update.mutate(
      { entryId: entry.id, body },
      {
        onSuccess: onDone,
        onError: (e) => {
          if (e instanceof ApiError && (e.status === 409 || e.status === 404)) {
            onDone();
            notifications.show({ color: 'orange', title: 'Not saved', message: refusal(e) });
          } else if (!(e instanceof ApiError && e.problem.errors?.length)) setProblem(refusal(e));
        },
      },
    );
  };

  return (
    <form
      aria-label={`Correct ${entryName(entry)}`}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <Group gap="xs" align="flex-start" wrap="wrap">
        <TextInput
          label="Time spent"
          size="xs"
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          w={110}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          description={parsed.ok ? `= ${formatDuration(parsed.minutes)}` : undefined}
          error={(parsed.ok ? undefined : parsed.message) ?? error?.fieldError('minutes')}
          data-autofocus
        />
        <TextInput
          label="Date"
          size="xs"
          type="date"
          max={today()}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          w={140}
          error={error?.fieldError('date')}
        />
        <TextInput
          label="Note"
          size="xs"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 140 }}
          error={error?.fieldError('note')}
        />
      </Group>
      <Group gap="xs" mt="xs" justify="space-between" wrap="wrap">
        <Text size="xs" c="dimmed">
          {lead
            ? 'As a lead you can correct any entry.'
            : `You can correct your entry until ${formatDate(entryEditableUntil(entry, browserZone()))}.`}
        </Text>
        <Group gap="xs">
          <Button size="compact-sm" variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button size="compact-sm" type="submit" disabled={!parsed.ok} loading={update.isPending}>
            Save
          </Button>
        </Group>
      </Group>
      {problem && (
        <Text size="sm" c="red" role="alert" mt="xs">
          {problem}
        </Text>
      )}
    </form>
  );
}

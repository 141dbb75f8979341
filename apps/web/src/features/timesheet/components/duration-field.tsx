import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { maxEntryMinutes } from '@altitude/shared/activity';
import { formatDuration, parseDuration } from '@altitude/shared/duration';
import type { TimesheetEntry } from '@altitude/shared/timesheet';
import { ApiError } from '../../../lib/api-client';
import { useDeleteTimeEntry } from '../api/delete-time-entry';
import { useLogTime } from '../api/log-time';
import { useUpdateTimeEntry } from '../api/update-time-entry';

interface Props {
  /** The entry it edits, or none: typing then adds one on `date` for `requestId`. */
  entry?: TimesheetEntry;
  requestId: number;
  date: string;
  /** The accessible name: which request and which day. */
  label: string;
  disabled?: boolean;
  width?: number | string;
}

const problemText = (error: unknown) =>
  error instanceof ApiError ? (error.fieldError('minutes') ?? error.fieldError('date') ?? error.message) : undefined;

/**
 * One duration, edited in place with the shared parser: Enter or leaving the field saves (a new
 * entry, or the entry's minutes with its version), clearing an entry deletes it, Escape puts back
 * what was there. A preview says how the text was read; what cannot be read is an inline error and
 * is never sent.
 */
export function DurationField({ entry, requestId, date, label, disabled, width = 84 }: Props) {
  const saved = entry ? formatDuration(entry.minutes) : '';
  const [text, setText] = useState(saved);
  const [shown, setShown] = useState(saved);
  // The entry changed under the field (a save, a refetch): show its new value.
  if (shown !== saved) {
    setShown(saved);
    setText(saved);
  }
  const log = useLogTime();
  const update = useUpdateTimeEntry();
  const remove = useDeleteTimeEntry();
  const pending = log.isPending || update.isPending || remove.isPending;

  const dirty = text.trim() !== saved;
  const parsed = dirty && text.trim() !== '' ? parseDuration(text, { max: maxEntryMinutes }) : null;
  const serverError = problemText(log.error) ?? problemText(update.error) ?? problemText(remove.error);

  const commit = () => {
    if (!dirty || pending) return;
    [log, update, remove].forEach((m) => m.reset());
    if (text.trim() === '') {
      if (entry) remove.mutate(entry.id);
      return;
    }
    if (!parsed?.ok) return;
    if (entry) update.mutate({ id: entry.id, minutes: parsed.minutes, version: entry.version });
    else log.mutate({ requestId, date, minutes: parsed.minutes });
  };

  return (
    <TextInput
      aria-label={label}
      size="xs"
      w={width}
      value={text}
      disabled={disabled || pending}
      placeholder={disabled ? '' : '—'}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setText(saved);
      }}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      description={parsed?.ok ? `= ${formatDuration(parsed.minutes)}` : dirty && text.trim() === '' && entry ? 'clears it' : undefined}
      error={(parsed && !parsed.ok ? parsed.message : undefined) ?? serverError}
      styles={{ input: { textAlign: 'right' } }}
    />
  );
}

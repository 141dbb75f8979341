import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { formatDuration, parseDuration } from '@altitude/shared/duration';

/** The API's ceiling for an estimate (minutes). */
const maxEstimateMinutes = 100_000;

/**
 * The estimate, typed the way every duration in Altitude is (`4h`, `1h 30m`, `90m`, `1:30`),
 * read by the shared parser with a live preview. It saves on blur; an unreadable value stays in
 * the field with its message and is not saved, and an emptied field clears the estimate.
 */
export function EstimateInput({ minutes, onSave }: { minutes: number | null; onSave: (minutes: number | null) => void }) {
  const [typed, setTyped] = useState(minutes ? formatDuration(minutes) : '');
  const parsed = typed.trim() === '' ? null : parseDuration(typed, { max: maxEstimateMinutes });
  return (
    <TextInput
      label="Estimate"
      placeholder="e.g. 4h or 1h 30m"
      value={typed}
      onChange={(e) => setTyped(e.currentTarget.value)}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      description={parsed?.ok ? `= ${formatDuration(parsed.minutes)}` : undefined}
      error={parsed && !parsed.ok ? parsed.message : undefined}
      onBlur={() => {
        const next = parsed === null ? null : parsed.ok ? parsed.minutes : undefined;
        if (next !== undefined && next !== minutes) onSave(next);
      }}
    />
  );
}

import { Group, SegmentedControl, TextInput, useMatches } from '@mantine/core';
import { useState } from 'react';
import { maxDate, minDate } from '@altitude/shared/domain';
import { periodErrors, type PeriodField } from '../hooks/period-errors';
import { presetPeriod, type Period, type Preset } from '../hooks/use-period';

interface Props {
  /** The period the URL asks for, which may itself be invalid (a hand-edited link). */
  period: Period;
  preset: Preset;
  onChange: (p: Period) => void;
}

/**
 * Presets and a custom range. A range the API would refuse stays in the fields with the reason
 * under the date it concerns, and is never asked for: the reports keep the last good period.
 */
export function PeriodPicker({ period, preset, onChange }: Props) {
  const [draft, setDraft] = useState<{ period: Period; edited: PeriodField } | null>(null);
  const shown = draft?.period ?? period;
  const errors = periodErrors(shown, draft?.edited);
  // At phone width the four presets fit the screen only in the small size.
  const compact = useMatches({ base: true, sm: false });

  const edit = (field: PeriodField, value: string) => {
    const next = { ...shown, [field]: value };
    if (Object.keys(periodErrors(next, field)).length > 0) return setDraft({ period: next, edited: field });
    setDraft(null);
    onChange(next);
  };

  return (
    <Group gap="sm" align="flex-start" className="no-print" w={compact ? '100%' : undefined}>
      {/* On a phone the presets share the width and a long one wraps onto two lines, never past the edge. */}
      <SegmentedControl
        aria-label="Period"
        size={compact ? 'xs' : 'sm'}
        fullWidth={compact}
        w={compact ? '100%' : undefined}
        styles={compact ? { label: { paddingInline: 4, whiteSpace: 'normal', lineHeight: 1.25 } } : undefined}
        value={draft ? 'custom' : preset}
        onChange={(v) => {
          if (v === 'custom') return;
          setDraft(null);
          onChange(presetPeriod(v as Exclude<Preset, 'custom'>));
        }}
        data={[
          { value: 'last-4-weeks', label: 'Last 4 weeks' },
          { value: 'this-quarter', label: 'This quarter' },
          { value: 'last-quarter', label: 'Last quarter' },
          { value: 'custom', label: 'Custom' },
        ]}
      />
      <TextInput
        aria-label="From"
        type="date"
        value={shown.from}
        min={minDate}
        max={errors.to || !shown.to ? maxDate : shown.to}
        error={errors.from}
        onChange={(e) => edit('from', e.currentTarget.value)}
        w={{ base: 'calc(50% - var(--mantine-spacing-sm) / 2)', xs: 180 }}
      />
      <TextInput
        aria-label="To"
        type="date"
        value={shown.to}
        min={errors.from || !shown.from ? minDate : shown.from}
        max={maxDate}
        error={errors.to}
        onChange={(e) => edit('to', e.currentTarget.value)}
        w={{ base: 'calc(50% - var(--mantine-spacing-sm) / 2)', xs: 180 }}
      />
    </Group>
  );
}

import { Group, SegmentedControl, TextInput } from '@mantine/core';
import { presetPeriod, type Period, type Preset } from '../hooks/use-period';

interface Props {
  period: Period;
  preset: Preset;
  onChange: (p: Period) => void;
}

export function PeriodPicker({ period, preset, onChange }: Props) {
  return (
    <Group gap="sm" className="no-print">
      <SegmentedControl
        aria-label="Period"
        value={preset}
        onChange={(v) => v !== 'custom' && onChange(presetPeriod(v as Exclude<Preset, 'custom'>))}
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
        value={period.from}
        max={period.to}
        onChange={(e) => e.currentTarget.value && onChange({ ...period, from: e.currentTarget.value })}
        w={150}
      />
      <TextInput
        aria-label="To"
        type="date"
        value={period.to}
        min={period.from}
        onChange={(e) => e.currentTarget.value && onChange({ ...period, to: e.currentTarget.value })}
        w={150}
      />
    </Group>
  );
}

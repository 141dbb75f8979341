import { Group, Text } from '@mantine/core';
import { capacityColors } from './capacity-colors';

const swatches = [
  ['Strategic work', capacityColors.strategic],
  ['Strategic reserve still free', capacityColors.reserveKept],
  ['Tactical work', capacityColors.tactical],
  ['Unclassified work', capacityColors.unclassified],
  ['Free', capacityColors.free],
] as const;

/** What the bars' colours and the red line mean. */
export function CapacityLegend() {
  return (
    <Group gap="md" wrap="wrap" component="ul" aria-label="Legend" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {swatches.map(([label, color]) => (
        <Group key={label} gap={6} component="li" wrap="nowrap">
          <span
            aria-hidden="true"
            style={{
              display: 'inline-block',
              width: 14,
              height: 10,
              borderRadius: 2,
              background: color,
              border: '1px solid var(--mantine-color-gray-4)',
            }}
          />
          <Text size="xs">{label}</Text>
        </Group>
      ))}
      <Group gap={6} component="li" wrap="nowrap">
        <span aria-hidden="true" style={{ display: 'inline-block', width: 2, height: 12, background: capacityColors.overLine }} />
        <Text size="xs">End of available time (work past it is over-commitment)</Text>
      </Group>
    </Group>
  );
}

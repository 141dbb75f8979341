import { Badge, type BadgeProps } from '@mantine/core';
import type { SlaState } from '@altitude/shared/service-levels';
import { slaLabel, slaTone } from '../lib/service-level';

/** A request's service-level state; the visible text is its accessible name. */
export function SlaBadge({ state, size = 'sm' }: { state: SlaState; size?: BadgeProps['size'] }) {
  const tone = slaTone[state];
  return (
    <Badge size={size} radius="sm" variant="filled" bg={tone.bg} c={tone.text} data-sla={state} style={{ flexShrink: 0 }}>
      {slaLabel[state]}
    </Badge>
  );
}

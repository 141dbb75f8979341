import { Badge } from '@mantine/core';
import type { Classification, Resolution, Status } from '@altitude/shared/domain';
import { LazyTooltip } from './lazy-tooltip';
import { classificationColor, classificationLabel, resolutionLabel, statusColor, statusLabel } from '../lib/format';

export function StatusBadge({ status, resolution }: { status: Status; resolution?: Resolution | null }) {
  const label = status === 'declined' && resolution ? resolutionLabel[resolution] : statusLabel[status];
  return (
    <Badge color={statusColor[status]} variant="light" radius="sm">
      {label}
    </Badge>
  );
}

/** A suggested class is dashed and marked with "?" until a marketer confirms it. */
export function ClassificationBadge({ classification, suggested }: { classification: Classification | null; suggested: boolean }) {
  if (!classification) {
    return (
      <Badge color="gray" variant="outline" radius="sm">
        Unclassified
      </Badge>
    );
  }
  if (suggested) {
    return (
      <LazyTooltip label="Suggested by the request type; not yet confirmed">
        <Badge color={classificationColor[classification]} variant="outline" radius="sm" style={{ borderStyle: 'dashed' }}>
          {classificationLabel[classification]}?
        </Badge>
      </LazyTooltip>
    );
  }
  return (
    <Badge color={classificationColor[classification]} variant="light" radius="sm">
      {classificationLabel[classification]}
    </Badge>
  );
}

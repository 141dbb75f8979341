import { Group, Text } from '@mantine/core';
import type { Request } from '@altitude/shared/requests';
import { formatWeekdayDate } from '../../../lib/format';
import { SlaBadge } from '../../../components/sla-badge';

/** The service level in one line (the drawer's): the date promised at filing and where the clock stands; who it waits on is said beside the question (ask-requester.tsx). */
export function ServiceLevelLine({ request }: { request: Request }) {
  if (!request.expectedBy && !request.waitingOn) return null;
  return (
    <Group gap="xs" wrap="wrap" data-testid="service-level">
      {request.expectedBy && <Text size="sm">Expected by {formatWeekdayDate(request.expectedBy)}</Text>}
      {request.slaState && <SlaBadge state={request.slaState} />}
      {request.rush && (
        <Text size="sm" c="dimmed">
          Rush
        </Text>
      )}
    </Group>
  );
}

import { Group, Text } from '@mantine/core';
import type { Request } from '@altitude/shared/requests';
import { useLookup } from '../../../lib/directory';
import { formatWeekdayDate } from '../../../lib/format';
import { SlaBadge } from '../../../components/sla-badge';

/** The service level in one line (the drawer's): the date promised at filing, where the clock stands, and who it waits on. */
export function ServiceLevelLine({ request }: { request: Request }) {
  const lookup = useLookup();
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
      {request.waitingOn === 'requester' && (
        <Text size="sm" fw={500}>
          Waiting on {lookup.user(request.requesterId)?.name ?? 'the requester'}
        </Text>
      )}
    </Group>
  );
}

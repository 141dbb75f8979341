import { Text } from '@mantine/core';
import type { Request } from '@altitude/shared/requests';
import { useLookup } from '../../../lib/directory';

/** "Waiting on Sam Reyes" while a needs-info question waits for its answer; nothing otherwise. */
export function WaitingOn({ request }: { request: Pick<Request, 'waitingOn' | 'requesterId'> }) {
  const lookup = useLookup();
  if (request.waitingOn !== 'requester') return null;
  return (
    <Text size="sm" fw={600} c="orange.9">
      Waiting on {lookup.user(request.requesterId)?.name ?? 'the requester'}
    </Text>
  );
}

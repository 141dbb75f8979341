import { Alert, Anchor, Group, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { Request } from '@altitude/shared/requests';
import { formatWeekdayDate } from '../../../lib/format';

/**
 * Shown once, right after filing (the form navigates here with `{ filed: true }`): the key to quote
 * and the date marketing promises, then where to go next. A reload or a later visit does not show it.
 */
export function FiledBanner({ request }: { request: Request }) {
  const state: unknown = useLocation().state;
  if (!(state && typeof state === 'object' && 'filed' in state && state.filed)) return null;
  return (
    <Alert color="teal" variant="light" role="status" title={`Filed as ${request.key}`} data-testid="filed-banner">
      <Text size="sm">
        {request.expectedBy ? (
          <>
            Expected by <strong>{formatWeekdayDate(request.expectedBy)}</strong>.{' '}
          </>
        ) : null}
        Marketing will triage it shortly; its status shows here and in My requests.
      </Text>
      <Group gap="lg" mt="xs">
        <Anchor component={Link} to="/requests/new" size="sm" fw={600} py={10}>
          File another
        </Anchor>
        <Anchor component={Link} to="/requests" size="sm" fw={600} py={10}>
          My requests
        </Anchor>
      </Group>
    </Alert>
  );
}

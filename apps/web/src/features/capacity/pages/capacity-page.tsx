import { Alert, Box, Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { addDays } from '@altitude/shared/calendar';
import { ApiError } from '../../../lib/api-client';
import { useCurrentUser } from '../../../lib/session';
import { useCapacity } from '../api/get-capacity';
import { CapacityCards } from '../components/capacity-cards';
import { CapacityLegend } from '../components/capacity-legend';
import { CapacityTable } from '../components/capacity-table';

const weeksShown = 6;

/**
 * Each marketer's and lead's next six weeks: working time, the strategic reserve, the committed
 * load of their assigned open requests by class, and what is left. The first week lives in the
 * URL (`?from=`), so a link opens the same weeks; without it the server starts at this week.
 * Live updates refetch it when requests or time change (app/live-updates.tsx).
 */
export function CapacityPage() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? undefined;
  const { data: capacity, error, isPending, isFetching } = useCapacity({ from, weeks: String(weeksShown) });
  const first = capacity?.weeks[0];
  const go = (next: string | null) => setParams(next ? { from: next } : {});

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>Capacity</Title>
          <Text c="dimmed" size="sm" maw={640}>
            Each person&apos;s next {weeksShown} weeks: working time, the strategic reserve kept for strategic work, and the remaining
            estimates of their assigned open requests, spread over the working days until each is planned or needed.
          </Text>
        </div>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            label="From"
            type="date"
            w={150}
            value={from ?? first ?? ''}
            onChange={(e) => e.currentTarget.value && go(e.currentTarget.value)}
          />
          <Button variant="default" disabled={!first} onClick={() => first && go(addDays(first, -7))}>
            Previous week
          </Button>
          <Button variant="default" onClick={() => go(null)}>
            This week
          </Button>
          <Button variant="default" disabled={!first} onClick={() => first && go(addDays(first, 7))}>
            Next week
          </Button>
        </Group>
      </Group>

      <CapacityLegend />

      {error instanceof ApiError && (
        <Alert color="red" title="Capacity could not be read" role="alert">
          {error.message}
        </Alert>
      )}
      {isPending && !error && (
        <Group justify="center" p="xl">
          <Loader aria-label="Loading capacity" />
        </Group>
      )}
      {capacity && capacity.people.length === 0 && <Text c="dimmed">Nobody to plan for yet: add marketers in Settings → People.</Text>}
      {capacity && capacity.people.length > 0 && (
        <Box aria-busy={isFetching}>
          <Paper withBorder radius="md" p="xs" visibleFrom="md">
            <Box role="region" aria-label="Capacity table" tabIndex={0} style={{ overflowX: 'auto', maxWidth: '100%' }}>
              <CapacityTable capacity={capacity} meId={me.id} />
            </Box>
          </Paper>
          <Box hiddenFrom="md">
            <CapacityCards capacity={capacity} meId={me.id} />
          </Box>
        </Box>
      )}
    </Stack>
  );
}

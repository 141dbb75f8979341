import { Anchor, Badge, Button, Group, Loader, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { useLookup } from '../../../lib/directory';
import { formatDate, formatRelative, isOverdue } from '../../../lib/format';
import { useCurrentUser } from '../../../lib/session';
import { StatusBadge } from '../../../components/badges';
import { SlaBadge } from '../../../components/sla-badge';
import { followingParams } from '../api/list-following';
import { useRequestList } from '../api/list-requests';
import { DepartmentServiceFacts } from '../components/department-service-facts';
import { RequestCards } from '../components/request-cards';

const scopes = ['mine', 'department', 'following'] as const;

export function MyRequestsPage() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const scope = scopes.find((s) => s === params.get('scope')) ?? 'mine';
  const filter: Record<string, string> =
    scope === 'mine' ? { mine: 'true' } : scope === 'following' ? followingParams : { department: String(user.departmentId) };
  const { data, isPending } = useRequestList(filter);
  const lookup = useLookup();
  const department = lookup.department(user.departmentId)?.name ?? 'my department';
  // On a phone the table becomes cards (read once, synchronously, so the table never flashes first).
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>My requests</Title>
          <Text c="dimmed" size="sm">
            Status, service level, the date you need it by, the date marketing plans it for, and the latest news.
          </Text>
        </div>
        <Group>
          <SegmentedControl
            value={scope}
            onChange={(v) => setParams(v === 'mine' ? {} : { scope: v })}
            data={[
              { value: 'mine', label: 'Filed by me' },
              { value: 'department', label: `All of ${department}` },
              { value: 'following', label: 'Following' },
            ]}
          />
          <Button component={Link} to="/requests/new">
            New request
          </Button>
        </Group>
      </Group>
      <DepartmentServiceFacts />
      <Paper withBorder radius="md">
        {isPending ? (
          <Group justify="center" p="xl">
            <Loader />
          </Group>
        ) : data?.items.length === 0 ? (
          <Stack align="center" p="xl" gap="xs">
            <Text fw={500}>{scope === 'following' ? 'You follow no requests yet' : 'No requests yet'}</Text>
            <Text size="sm" c="dimmed">
              {scope === 'following'
                ? 'Follow a similar request when you start a new one, or from its page, to find it here.'
                : 'When you file one, you can follow it here.'}
            </Text>
          </Stack>
        ) : phone ? (
          <RequestCards requests={data?.items ?? []} />
        ) : (
          <Table.ScrollContainer minWidth={1040}>
            <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Request</Table.Th>
                  <Table.Th miw={160}>Status</Table.Th>
                  <Table.Th miw={150}>Service level</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Needed by</Table.Th>
                  <Table.Th>Planned for</Table.Th>
                  <Table.Th>Assignee</Table.Th>
                  <Table.Th>Last update</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data?.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/requests/${r.id}`} fw={500} size="sm">
                        <Text span c="dimmed" size="xs" mr={6} ff="monospace">
                          {r.key}
                        </Text>
                        {r.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        <StatusBadge status={r.status} resolution={r.resolution} />
                        {/* Marketing asked a question: the clock stands still until someone here answers. */}
                        {r.waitingOn === 'requester' && (
                          <Badge color="orange.9" variant="outline">
                            Needs your answer
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {r.slaState ? <SlaBadge state={r.slaState} /> : null}
                      {r.expectedBy && (
                        <Text size="xs" c="dimmed" mt={2} style={{ whiteSpace: 'nowrap' }}>
                          Expected by {formatDate(r.expectedBy)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{lookup.type(r.typeId)?.name}</Text>
                    </Table.Td>
                    {/* Two dates, never merged: the one the requester asked for, and the one marketing committed to. */}
                    <Table.Td>
                      <Text size="sm" c={isOverdue(r.dueDate, r.status) ? 'red.7' : undefined}>
                        {formatDate(r.dueDate)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={r.plannedFor ? undefined : 'dimmed'}>
                        {r.status === 'done'
                          ? `Delivered ${formatDate(r.completedAt)}`
                          : r.status === 'declined'
                            ? '—'
                            : formatDate(r.plannedFor)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {lookup.user(r.assigneeId)?.name ?? (
                          <Text span c="dimmed" size="sm">
                            Not yet
                          </Text>
                        )}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {formatRelative(r.updatedAt)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}

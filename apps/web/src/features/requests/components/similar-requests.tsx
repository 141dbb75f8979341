import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useId } from 'react';
import { Link } from 'react-router';
import { StatusBadge } from '../../../components/badges';
import { useFollowRequest } from '../api/follow-request';
import { useFollowing } from '../api/list-following';
import { useSimilarRequests } from '../api/list-similar';

/**
 * While a requester types a title: open and recently delivered requests that look alike, each
 * with "Follow" (get its updates instead of filing a duplicate). Filing stays possible.
 */
export function SimilarRequests({ title }: { title: string }) {
  const [q] = useDebouncedValue(title, 250);
  const { data } = useSimilarRequests(q);
  const following = useFollowing();
  const follow = useFollowRequest();
  const headingId = useId();
  const items = q.trim().length >= 3 ? (data?.items ?? []) : [];
  if (!items.length) return null;
  const followed = new Set(following.data?.items.map((r) => r.id));

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md" bg="var(--mantine-color-blue-light)">
      <Title order={4} id={headingId} size="h5">
        Similar requests
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Is it one of these? Follow it to get its updates instead of filing it again, or carry on below.
      </Text>
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map((r) => {
          const isFollowing = followed.has(r.id) || (follow.isSuccess && follow.variables.id === r.id);
          const pending = follow.isPending && follow.variables.id === r.id;
          return (
            <Group key={r.id} component="li" justify="space-between" wrap="nowrap" gap="sm" align="center">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/requests/${r.id}`} target="_blank" size="sm" fw={500} lineClamp={2}>
                  <Text span c="dimmed" size="xs" mr={6} ff="monospace">
                    {r.key}
                  </Text>
                  {r.title}
                </Anchor>
                <div>
                  <StatusBadge status={r.status} />
                </div>
              </Stack>
              {/* Followed: stays readable (not greyed out), announced as done; unfollowing is on the request's page. */}
              <Button
                size="xs"
                variant={isFollowing ? 'light' : 'default'}
                color={isFollowing ? 'teal' : undefined}
                aria-disabled={isFollowing || undefined}
                loading={pending}
                onClick={() => !isFollowing && follow.mutate({ id: r.id, source: 'intake' })}
                style={{ flexShrink: 0 }}
              >
                {isFollowing ? 'Following' : 'Follow'}
              </Button>
            </Group>
          );
        })}
      </Stack>
      {follow.isError && (
        <Text size="sm" c="red.7" role="alert" mt="xs">
          {follow.error.message}
        </Text>
      )}
    </Paper>
  );
}

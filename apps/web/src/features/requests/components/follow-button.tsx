import { Button } from '@mantine/core';
import { useFollowRequest } from '../api/follow-request';
import { useFollowing } from '../api/list-following';
import { useUnfollowRequest } from '../api/unfollow-request';

/** Follow / Unfollow a request someone else filed: followers find it in My requests under Following. */
export function FollowButton({ requestId }: { requestId: number }) {
  const following = useFollowing();
  const follow = useFollowRequest();
  const unfollow = useUnfollowRequest();
  if (following.isPending) return null;
  const isFollowing = Boolean(following.data?.items.some((r) => r.id === requestId));
  const busy = follow.isPending || unfollow.isPending || following.isFetching;
  return isFollowing ? (
    <Button variant="default" loading={busy} onClick={() => unfollow.mutate(requestId)}>
      Unfollow
    </Button>
  ) : (
    <Button variant="light" loading={busy} onClick={() => follow.mutate({ id: requestId, source: 'request' })}>
      Follow
    </Button>
  );
}

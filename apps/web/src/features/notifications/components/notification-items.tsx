import { Button, Center, Loader, Stack, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import type { Notification } from '@altitude/shared/notifications';
import { formatRelative } from '../../../lib/format';
import { useNotifications } from '../api/list-notifications';
import { useMarkRead } from '../api/mark-read';
import { kindTag } from '../kinds';
import classes from './notifications.module.css';

function Item({ item, onFollow }: { item: Notification; onFollow?: () => void }) {
  const markRead = useMarkRead();
  const unread = item.readAt === null;
  return (
    <li>
      <Link
        to={`/requests/${item.requestId}`}
        className={`${classes.item} ${unread ? classes.unread : ''}`}
        onClick={() => {
          // Following the link is reading it; the mark is sent without waiting for the page.
          if (unread) markRead.mutate({ ids: [item.id] });
          onFollow?.();
        }}
      >
        <span className={classes.dot} aria-hidden="true" />
        <span className={classes.text}>
          <Text size="sm" fw={unread ? 700 : 400} component="span" display="block">
            {unread && <VisuallyHidden>Unread: </VisuallyHidden>}
            {item.text}
          </Text>
          <Text size="xs" c="dimmed" component="span" display="block">
            {kindTag[item.kind]} · {item.requestKey} · {formatRelative(item.createdAt)}
          </Text>
        </span>
      </Link>
    </li>
  );
}

/** The list the bell opens and the Notifications page shows: newest first, a page at a time. */
export function NotificationItems({ unreadOnly = false, onFollow }: { unreadOnly?: boolean; onFollow?: () => void }) {
  const list = useNotifications({ unread: unreadOnly });
  if (list.isPending)
    return (
      <Center p="md">
        <Loader size="sm" aria-label="Loading notifications" />
      </Center>
    );
  if (list.isError)
    return (
      <Text size="sm" c="red.8" p="sm">
        Notifications could not be loaded. {list.error.message}
      </Text>
    );
  const items = list.data.pages.flatMap((p) => p.items);
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed" p="md" ta="center">
        {unreadOnly
          ? 'Nothing unread. You are all caught up.'
          : 'No notifications yet. Assignments, mentions and replies will show up here.'}
      </Text>
    );
  return (
    <Stack gap="xs">
      <ul className={classes.list} aria-label="Notifications">
        {items.map((item) => (
          <Item key={item.id} item={item} onFollow={onFollow} />
        ))}
      </ul>
      {list.hasNextPage && (
        <Center>
          <Button variant="subtle" size="xs" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        </Center>
      )}
    </Stack>
  );
}

import { Anchor, Group, Paper, SegmentedControl, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { MarkAllReadButton, useUnreadCount } from '../components/notification-bell';
import { NotificationItems } from '../components/notification-items';

/** Every notification, a page at a time: where the bell leads on a phone and from "See all". */
export function NotificationsPage() {
  const unread = useUnreadCount();
  const [show, setShow] = useState<'all' | 'unread'>('all');
  return (
    <Stack gap="md" maw={720}>
      <Group justify="space-between" align="flex-end" gap="xs">
        <Title order={1}>Notifications</Title>
        <Anchor component={Link} to="/account/notifications" size="sm">
          Notification settings
        </Anchor>
      </Group>
      <Group justify="space-between" gap="xs">
        <SegmentedControl
          size="xs"
          aria-label="Show"
          value={show}
          onChange={(v) => setShow(v as 'all' | 'unread')}
          data={[
            { value: 'all', label: 'All' },
            { value: 'unread', label: `Unread (${unread})` },
          ]}
        />
        <MarkAllReadButton unread={unread} />
      </Group>
      <Paper withBorder radius="md" p="xs">
        <NotificationItems unreadOnly={show === 'unread'} />
      </Paper>
    </Stack>
  );
}

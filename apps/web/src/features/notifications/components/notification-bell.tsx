import { ActionIcon, Anchor, Box, Button, Group, Popover, ScrollArea, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import { useNotifications } from '../api/list-notifications';
import { useMarkRead } from '../api/mark-read';
import { badgeText, bellLabel } from '../kinds';
import { NotificationItems } from './notification-items';
import classes from './notifications.module.css';

function BellIcon() {
  return (
    <svg width={22} height={22} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden="true">
      <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z" strokeLinejoin="round" />
      <path d="M10 20a2 2 0 0 0 4 0" strokeLinecap="round" />
    </svg>
  );
}

/** The count, read from the list's first page (live events keep it current). */
export function useUnreadCount(): number {
  const { data } = useNotifications();
  return data?.pages[0]?.unreadCount ?? 0;
}

export function MarkAllReadButton({ unread }: { unread: number }) {
  const markRead = useMarkRead();
  return (
    <Button variant="subtle" size="xs" disabled={unread === 0} onClick={() => markRead.mutate({ all: true })}>
      Mark all read
    </Button>
  );
}

/**
 * The header's bell: a popover of the latest notifications on a wide screen; on a phone, where a
 * popover has no room, a link to the Notifications page.
 */
export function NotificationBell() {
  const unread = useUnreadCount();
  const [opened, { toggle, close }] = useDisclosure(false);
  const phone = useMediaQuery('(max-width: 48em)');
  // The badge sits beside the button, not inside it, so the button's rounded clip cannot cut it.
  const badge = unread > 0 && (
    <span className={classes.badge} aria-hidden="true" data-testid="notification-badge">
      {badgeText(unread)}
    </span>
  );
  const label = bellLabel(unread);

  if (phone)
    return (
      <Box pos="relative">
        <ActionIcon component={Link} to="/notifications" variant="subtle" color="gray" c="dark.7" size="lg" aria-label={label}>
          <BellIcon />
        </ActionIcon>
        {badge}
      </Box>
    );

  return (
    <Box pos="relative">
      <Popover
        opened={opened}
        onChange={(o) => !o && close()}
        position="bottom-end"
        width={380}
        shadow="md"
        trapFocus
        returnFocus
        withinPortal
      >
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            c="dark.7"
            size="lg"
            aria-label={label}
            aria-haspopup="dialog"
            aria-expanded={opened}
            onClick={toggle}
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0} aria-label="Notifications">
          <Group justify="space-between" px="sm" py="xs" wrap="nowrap">
            <Text fw={700} size="sm" component="h2" m={0}>
              Notifications
            </Text>
            <MarkAllReadButton unread={unread} />
          </Group>
          <ScrollArea.Autosize mah={420} type="auto">
            <NotificationItems onFollow={close} />
          </ScrollArea.Autosize>
          <Group justify="center" py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <Anchor component={Link} to="/notifications" size="sm" onClick={close}>
              See all
            </Anchor>
          </Group>
        </Popover.Dropdown>
      </Popover>
      {badge}
    </Box>
  );
}

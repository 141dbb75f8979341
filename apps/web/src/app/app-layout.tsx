import { AppShell, Avatar, Box, Burger, Group, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useDeferredValue, useRef } from 'react';
import { NavLink as RouterNavLink, Outlet, useNavigate } from 'react-router';
import { Logo } from '../components/logo';
import { useSignOut } from '../features/auth/api/sign-out';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import { roleLabel } from '../lib/roles';
import { useCurrentUser } from '../lib/session';
import { LiveUpdates } from './live-updates';
import { navFor } from './nav';
import { useFocusOnArrival } from './focus-on-arrival';

export function AppLayout() {
  const user = useCurrentUser();
  const [opened, { toggle, close }] = useDisclosure();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const main = useRef<HTMLElement>(null);
  useFocusOnArrival(main);
  // The shell commits first and the page in a render of its own, right after. Mounting the shell
  // sets state in its layout effects (portals, popover targets, the AppShell's resize guard), which
  // React re-renders synchronously inside the same task: committed with the board's first cards
  // that was one long task of 50–70 ms; apart, each is short.
  const pageShown = useDeferredValue(true, false);
  const initials = user.name
    .split(' ')
    .map((p) => p[0])
    .join('')
    .slice(0, 2);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Logo />
            <Text fw={700} size="lg">
              Altitude
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <Menu position="bottom-end" width={220}>
              <Menu.Target>
                <UnstyledButton aria-label="Account menu">
                  <Group gap="xs">
                    <Avatar color="indigo" radius="xl" size="sm">
                      {initials}
                    </Avatar>
                    {/* On a phone the bell and the avatar share the header with the logo: the name waits in the menu. */}
                    <Box visibleFrom="xs">
                      <Text size="sm" fw={500} lh={1.2}>
                        {user.name}
                      </Text>
                      <Text size="xs" c="dimmed" lh={1.2}>
                        {roleLabel[user.role]}
                      </Text>
                    </Box>
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{user.email}</Menu.Label>
                <Menu.Item component={RouterNavLink} to="/account/password">
                  Change password
                </Menu.Item>
                <Menu.Item component={RouterNavLink} to="/account/notifications">
                  Notification settings
                </Menu.Item>
                <Menu.Item onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in') })}>Sign out</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        {navFor(user).map((item) => (
          <NavLink
            key={item.to}
            component={RouterNavLink}
            to={item.to}
            end
            label={item.label}
            onClick={close}
            styles={{ root: { borderRadius: 'var(--mantine-radius-md)' } }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main ref={main} bg="var(--mantine-color-gray-0)">
        <LiveUpdates />
        {pageShown && <Outlet />}
      </AppShell.Main>
    </AppShell>
  );
}

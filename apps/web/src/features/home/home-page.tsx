import { Paper, Stack, Text, Title } from '@mantine/core';
import { useCurrentUser } from '../auth/api/me';
import { roleLabel } from '../../app/role-label';

export function HomePage() {
  const user = useCurrentUser();
  return (
    <Stack maw={720}>
      <Title order={2}>Welcome, {user.name.split(' ')[0]}</Title>
      <Paper withBorder p="lg" radius="md">
        <Text>
          You are signed in as a <b>{roleLabel[user.role].toLowerCase()}</b>.
        </Text>
      </Paper>
    </Stack>
  );
}

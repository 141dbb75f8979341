import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePageTitle } from '../lib/use-page-title';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <Stack align="flex-start">
      <Title order={1}>Page not found</Title>
      <Text c="dimmed">There is nothing at this address, or you do not have access to it.</Text>
      <Button component={Link} to="/" variant="light">
        Go home
      </Button>
    </Stack>
  );
}

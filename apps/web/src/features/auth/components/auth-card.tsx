import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Logo } from '../../../components/logo';

/** The centred card of the signed-out pages (sign in, forgot password, reset). */
export function AuthCard({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <Center mih="100vh" bg="var(--mantine-color-gray-0)" p="md">
      <Paper withBorder shadow="sm" radius="md" p="xl" w={380} maw="100%">
        <Stack gap="md">
          <Stack gap={4} align="center">
            <Logo size={40} />
            <Title order={1} size="h3" ta="center">
              {title}
            </Title>
            {subtitle && (
              <Text size="sm" c="dimmed" ta="center">
                {subtitle}
              </Text>
            )}
          </Stack>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}

import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { SessionExpiryListener } from '../features/auth/components/session-expiry-listener';
import { queryClient } from '../lib/query-client';
import { RouterProvider } from 'react-router';
import type { createRouter } from './router';
import { theme } from './theme';

// The third start-up stage (main.tsx): the router, the app's shell and everything they import.
export { createRouter } from './router';

/** The whole app, its providers around the router. */
export function App({ router }: { router: ReturnType<typeof createRouter> }) {
  return (
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <ModalsProvider>
          <Notifications position="bottom-right" />
          <SessionExpiryListener />
          <RouterProvider router={router} />
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

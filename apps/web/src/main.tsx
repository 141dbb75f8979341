import './lib/zod-config';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createRouter } from './app/router';
import { theme } from './app/theme';
import { SessionExpiryListener } from './features/auth/components/session-expiry-listener';
import { queryClient } from './lib/query-client';

// Evaluating the app's code is one task; creating the router (its first navigation starts the
// board's loader) and the first render come in the next, so neither task grows long on its own.
// A timer, not a top-level await: with one the bundler kept many more chunks apart (more files to load).
// The first render is a transition, which React renders in slices (a plain root.render is one task).
setTimeout(() => {
  const router = createRouter();
  const root = createRoot(document.getElementById('root')!);
  startTransition(() =>
    root.render(
      <StrictMode>
        <MantineProvider theme={theme}>
          <QueryClientProvider client={queryClient}>
            <ModalsProvider>
              <Notifications position="bottom-right" />
              <SessionExpiryListener />
              <RouterProvider router={router} />
            </ModalsProvider>
          </QueryClientProvider>
        </MantineProvider>
      </StrictMode>,
    ),
  );
}, 0);

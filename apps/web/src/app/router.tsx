import { lazy, Suspense, type ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { createBrowserRouter, Navigate } from 'react-router';
import type { Access } from '@altitude/shared/domain';
import { userMeets } from '@altitude/shared/domain';
import { RequireAuth } from '../features/auth/components/require-auth';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';
import { queryClient } from '../lib/query-client';
import { useCurrentUser } from '../lib/session';
import { prefetchBoard } from './routes/board-loader';
import { usePageTitle } from '../lib/use-page-title';
import { preloadable } from '../lib/preloadable';

// Pages load on demand so the first paint ships only the shell. The signed-out pages too: a
// signed-in load of the board (the common one) does not carry their forms.
const SignInPage = lazy(() => import('../features/auth/pages/sign-in-page').then((m) => ({ default: m.SignInPage })));
const ForgotPasswordPage = lazy(() =>
  import('../features/auth/pages/forgot-password-page').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() => import('../features/auth/pages/reset-password-page').then((m) => ({ default: m.ResetPasswordPage })));
const AcceptInvitationPage = lazy(() =>
  import('../features/auth/pages/accept-invitation-page').then((m) => ({ default: m.AcceptInvitationPage })),
);
const NewRequestPage = lazy(() => import('../features/requests/pages/new-request-page').then((m) => ({ default: m.NewRequestPage })));
const MyRequestsPage = lazy(() => import('../features/requests/pages/my-requests-page').then((m) => ({ default: m.MyRequestsPage })));
const RequestRoute = lazy(() => import('./routes/request-route').then((m) => ({ default: m.RequestRoute })));
const InsightsRoute = lazy(() => import('./routes/insights-route').then((m) => ({ default: m.InsightsRoute })));
// Preloadable: the board's loader asks for its code, so a signed-in load of /board renders it without a fallback.
const BoardRoute = preloadable(() => import('./routes/board-route').then((m) => m.BoardRoute));
const TimesheetPage = lazy(() => import('../features/timesheet/pages/timesheet-page').then((m) => ({ default: m.TimesheetPage })));
const ChangePasswordPage = lazy(() =>
  import('../features/auth/pages/change-password-page').then((m) => ({ default: m.ChangePasswordPage })),
);
const CapacityPage = lazy(() => import('../features/capacity/pages/capacity-page').then((m) => ({ default: m.CapacityPage })));
const NotificationsPage = lazy(() =>
  import('../features/notifications/pages/notifications-page').then((m) => ({ default: m.NotificationsPage })),
);
const NotificationSettingsPage = lazy(() =>
  import('../features/notifications/pages/notification-settings-page').then((m) => ({ default: m.NotificationSettingsPage })),
);
const SettingsRoute = lazy(() => import('./routes/settings-route').then((m) => ({ default: m.SettingsRoute })));

/** A page's lazy code, with a loader (named, for screen readers) while it arrives. */
function Lazy({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Center p="xl">
          <Loader aria-label="Loading" />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}

/** A signed-in screen: its access check, its document title (unless the page names itself) and its lazy code. */
function Page({ access = 'signedIn', title, children }: { access?: Access; title?: string; children: ReactNode }) {
  const user = useCurrentUser();
  const allowed = userMeets(user, access);
  usePageTitle(allowed ? title : undefined);
  if (!allowed) return <NotFoundPage />;
  return <Lazy>{children}</Lazy>;
}

/** Marketers land on the board, everyone else on their requests. */
function Home() {
  const user = useCurrentUser();
  return <Navigate to={user.role === 'requester' ? '/requests' : '/board'} replace />;
}

/**
 * The app's router. Made when main.tsx asks for it, not when this module loads: creating it reads
 * the session's stored state and starts the first navigation (the board's loader), and main.tsx
 * does that in a task of its own, after the code has been evaluated.
 */
export const createRouter = () =>
  createBrowserRouter([
    {
      path: '/sign-in',
      element: (
        <Lazy>
          <SignInPage />
        </Lazy>
      ),
    },
    // Reached signed out, from the sign-in page and from the emailed link.
    {
      path: '/forgot-password',
      element: (
        <Lazy>
          <ForgotPasswordPage />
        </Lazy>
      ),
    },
    {
      path: '/reset',
      element: (
        <Lazy>
          <ResetPasswordPage />
        </Lazy>
      ),
    },
    // The invitation email's link (apps/api invitations.service.ts `acceptPath`).
    {
      path: '/invitations/accept',
      element: (
        <Lazy>
          <AcceptInvitationPage />
        </Lazy>
      ),
    },
    {
      path: '/',
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      children: [
        { index: true, element: <Home /> },
        {
          path: 'requests/new',
          element: (
            <Page title="New request">
              <NewRequestPage />
            </Page>
          ),
        },
        {
          path: 'requests',
          element: (
            <Page title="My requests">
              <MyRequestsPage />
            </Page>
          ),
        },
        {
          path: 'requests/:id',
          element: (
            <Page>
              <RequestRoute />
            </Page>
          ),
        },
        {
          path: 'board',
          loader: ({ request }) => {
            void BoardRoute.preload().catch(() => undefined); // The page's own render shows a failed load.
            return prefetchBoard(queryClient, request.url);
          },
          element: (
            <Page title="Board" access="marketer">
              <BoardRoute />
            </Page>
          ),
        },
        {
          path: 'timesheet',
          element: (
            <Page title="Timesheet" access="marketer">
              <TimesheetPage />
            </Page>
          ),
        },
        {
          path: 'account/password',
          element: (
            <Page title="Change password">
              <ChangePasswordPage />
            </Page>
          ),
        },
        {
          path: 'account/notifications',
          element: (
            <Page title="Notification settings">
              <NotificationSettingsPage />
            </Page>
          ),
        },
        {
          path: 'notifications',
          element: (
            <Page title="Notifications">
              <NotificationsPage />
            </Page>
          ),
        },
        {
          path: 'capacity',
          element: (
            <Page title="Capacity" access="marketer">
              <CapacityPage />
            </Page>
          ),
        },
        {
          path: 'settings',
          element: (
            <Page title="Settings" access="lead">
              <SettingsRoute />
            </Page>
          ),
        },
        {
          path: 'insights',
          element: (
            <Page title="Insights" access="insights">
              <InsightsRoute />
            </Page>
          ),
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);

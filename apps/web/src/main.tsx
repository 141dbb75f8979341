import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/*
 * The app starts in stages, each its own task, so none grows long (over 50 ms) and the page stays
 * responsive while it starts: a page's modules, imported statically, all evaluate in one task.
 *   1. this module: React and React DOM;
 *   2. the shared contract's schemas (app/contract.ts);
 *   3. Mantine, the query client, the router, the shell and what they import (app/start.tsx);
 *   4. creating the router (its first navigation starts the board's loader), then the first
 *      render, as a transition, which React renders in slices.
 * The build gives each stage one file and preloads them beside this one (start-stages.ts,
 * board-preload.ts), so no stage waits on the network. A timer between stages: an import that
 * is already loaded could otherwise run in the same task as the code before it.
 */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A stage's file did not arrive (the network dropped, or a deploy replaced it): say so, plainly. */
const failedToStart = () => {
  const root = document.getElementById('root')!;
  root.setAttribute('role', 'alert');
  root.textContent = 'Altitude could not load. Check your connection, then reload the page.';
};

void (async () => {
  await nextTask();
  await import('./app/contract');
  await nextTask();
  const { createRouter, App } = await import('./app/start');
  await nextTask();
  const router = createRouter();
  const root = createRoot(document.getElementById('root')!);
  startTransition(() =>
    root.render(
      <StrictMode>
        <App router={router} />
      </StrictMode>,
    ),
  );
})().catch(failedToStart);

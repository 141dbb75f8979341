import { lazy, Suspense } from 'react';
import { Text } from '@mantine/core';

const MarkdownRenderer = lazy(() => import('./markdown-renderer'));

/**
 * User Markdown (briefs, comments). The renderer is its own chunk, so the routes that only may
 * show Markdown (the board, until a card opens) do not load it; until it arrives the text shows
 * as written, so nothing jumps from empty to full. `mentions` (handle → name) marks known people.
 */
export function Markdown({ children, mentions }: { children: string; mentions?: ReadonlyMap<string, string> }) {
  return (
    <Suspense
      fallback={
        <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {children}
        </Text>
      }
    >
      <MarkdownRenderer mentions={mentions}>{children}</MarkdownRenderer>
    </Suspense>
  );
}

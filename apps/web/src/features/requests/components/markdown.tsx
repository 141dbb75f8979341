import { lazy, Suspense } from 'react';
import { Text } from '@mantine/core';

const MarkdownRenderer = lazy(() => import('./markdown-renderer'));

/**
 * User Markdown (briefs, comments). The renderer is its own chunk, so the routes that only may
 * show Markdown (the board, until a card opens) do not load it; until it arrives the text shows
 * as written, so nothing jumps from empty to full.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <Suspense
      fallback={
        <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {children}
        </Text>
      }
    >
      <MarkdownRenderer>{children}</MarkdownRenderer>
    </Suspense>
  );
}

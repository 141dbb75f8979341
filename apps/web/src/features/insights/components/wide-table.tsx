import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table wider than a phone scrolls sideways inside its own box, never the page. The box is a
 * named, focusable region so a keyboard user can scroll it too (axe: scrollable-region-focusable).
 */
export function WideTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      {children}
    </Box>
  );
}

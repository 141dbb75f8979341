import { Box } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePhone } from '../../../lib/use-phone';

/**
 * A table wider than the space it has. On a wider screen it scrolls sideways inside its own box,
 * never the page: the box is a named, focusable region so a keyboard user can scroll it too (axe:
 * scrollable-region-focusable). On a phone its table stacks into one card per row (give the
 * `<table>` the shared `stacked-table` class and each cell a `data-label`), so nothing scrolls
 * sideways and the box is no Tab stop.
 */
export function WideTable({ label, children }: { label: string; children: ReactNode }) {
  const phone = usePhone();
  return phone ? (
    <Box role="region" aria-label={label}>
      {children}
    </Box>
  ) : (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      {children}
    </Box>
  );
}

import { Anchor, createTheme, rem, Typography } from '@mantine/core';
import { accessibleColors } from './accessible-palette';
import classes from './theme.module.css';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  // Mantine's palettes with their darker half darkened to WCAG contrast (accessible-colors.ts), precomputed.
  colors: accessibleColors,
  // Each page has one h1 (its title); it looks like the h2 the pages were designed with.
  headings: { fontWeight: '650', sizes: { h1: { fontSize: rem(26), lineHeight: '1.35' } } },
  components: {
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    Typography: Typography.extend({ classNames: { root: classes.underlined } }),
  },
});

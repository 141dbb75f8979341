import { Anchor, createTheme, Popover, rem, Typography } from '@mantine/core';
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
    // Menus' and pickers' lists are placed against the screen, not laid out on the page (Menu and
    // Select open a Popover). Laid out on the page, a list opened near a phone page's bottom was
    // scrolled to before it was placed: the page jumped up, its picker went off screen and Mantine
    // hid the list; a menu's list also cut Chrome's scroll range short. phone.spec.ts holds both.
    Popover: Popover.extend({ defaultProps: { floatingStrategy: 'fixed' } }),
    Typography: Typography.extend({ classNames: { root: classes.underlined } }),
  },
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME } from '@mantine/core';
import { accessiblePalette, contrastRatio } from './accessible-colors';
import { accessibleColors } from './accessible-palette';

describe('accessible palettes', () => {
  it('computes WCAG contrast ratios', () => {
    // Known pairs: black on white is 21:1, Mantine's default grey-6 on white 3.32:1.
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#868e96', '#ffffff')).toBeCloseTo(3.32, 2);
  });

  it('darkens shades 6 to 9 of every palette to at least 5:1 on white, and leaves the light half alone', () => {
    for (const [name, shades] of Object.entries(DEFAULT_THEME.colors)) {
      const fixed = accessiblePalette(shades);
      for (let i = 6; i <= 9; i++) expect(contrastRatio(fixed[i]!, '#ffffff'), `${name}.${i}`).toBeGreaterThanOrEqual(5);
      // Light badges: shade-9 text on the shade-1 background.
      expect(contrastRatio(fixed[9]!, fixed[1]!), `${name} light badge`).toBeGreaterThanOrEqual(4.5);
      expect(fixed.slice(0, 6)).toEqual(shades.slice(0, 6));
    }
  });

  it('keeps a colour that already passes unchanged', () => {
    expect(accessiblePalette(DEFAULT_THEME.colors.dark)[9]).toBe(DEFAULT_THEME.colors.dark[9]);
  });

  it('the theme’s precomputed palettes are those of Mantine’s defaults, every one', () => {
    expect(Object.keys(accessibleColors).sort()).toEqual(Object.keys(DEFAULT_THEME.colors).sort());
    for (const [name, shades] of Object.entries(DEFAULT_THEME.colors))
      expect(accessibleColors[name], name).toEqual(accessiblePalette(shades));
    // Spot checks worked out from the rule: Mantine's grey-6 (#868e96, 3.3:1) darkened in 2 % steps to 5:1.
    expect(accessibleColors.gray![6]).toBe('#696f76');
    expect(contrastRatio('#696f76', '#ffffff')).toBeGreaterThanOrEqual(5);
    expect(accessibleColors.gray![0]).toBe('#f8f9fa');
  });
});

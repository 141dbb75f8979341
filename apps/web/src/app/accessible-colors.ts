import type { MantineColorsTuple } from '@mantine/core';

/**
 * WCAG 2.x contrast needs 4.5:1 for text, and Mantine's default palettes miss it: the grey behind
 * "dimmed" text is 3.3:1 on white, indigo buttons 4.3:1, orange and teal badge text below 3:1.
 * The palettes stay, only their darker half (6–9: text, filled backgrounds, light-badge text) is
 * darkened just enough, so every `c="red.7"` or `color="teal"` in the app passes at once.
 */
const minContrastOnWhite: Record<number, number> = { 6: 5, 7: 5.5, 8: 6.2, 9: 7 };

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const toHex = (rgb: number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** Relative luminance of a `#rrggbb` colour (WCAG 2.2 definition). */
export function luminanceOf(hex: string) {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string) {
  const [hi, lo] = [luminanceOf(a), luminanceOf(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour scaled towards black in 2 % steps until it reaches the contrast on white. */
function darkenTo(hex: string, ratio: number) {
  let rgb = channels(hex);
  while (contrastRatio(toHex(rgb), '#ffffff') < ratio) rgb = rgb.map((c) => c * 0.98);
  return toHex(rgb);
}

export function accessiblePalette(shades: MantineColorsTuple): MantineColorsTuple {
  const out = [...shades];
  for (let i = 6; i <= 9; i++) out[i] = darkenTo(out[i]!, minContrastOnWhite[i]!);
  return out as unknown as MantineColorsTuple;
}

import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { slaStates } from '@altitude/shared/service-levels';
import { slaLabel, slaTone } from './service-level';

/** A theme reference ("teal.9", "white") as the hex colour Mantine paints. */
function hex(ref: string): string {
  if (ref === 'white') return DEFAULT_THEME.white;
  if (ref === 'black') return DEFAULT_THEME.black;
  const [name, shade] = ref.split('.');
  const colour = DEFAULT_THEME.colors[name!]?.[Number(shade)];
  if (!colour) throw new Error(`not a theme colour: ${ref}`);
  return colour;
}

/** WCAG 2.x relative luminance of a #rgb or #rrggbb colour. */
function luminance(short: string): number {
  const colour = short.length === 4 ? `#${[...short.slice(1)].map((c) => c + c).join('')}` : short;
  const channels = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('SLA badges', () => {
  it('the contrast helper agrees with known WCAG figures', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it.each(slaStates)('%s reads at WCAG AA: its small text has at least 4.5:1 on its background', (state) => {
    const tone = slaTone[state];
    const ratio = contrast(hex(tone.text), hex(tone.bg));
    expect(ratio, `${tone.text} on ${tone.bg}`).toBeGreaterThanOrEqual(4.5);
  });

  it('names the six states with the words every screen uses', () => {
    expect(slaStates.map((s) => slaLabel[s])).toEqual(['On track', 'At risk', 'Breached', 'Paused', 'Met', 'Missed']);
  });
});

import type { SlaState } from '@altitude/shared/service-levels';

/** The words every screen uses for a service-level state (the badge text is its accessible name). */
export const slaLabel: Record<SlaState, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  breached: 'Breached',
  paused: 'Paused',
  met: 'Met',
  missed: 'Missed',
};

/**
 * Badge colours as Mantine theme references (`colour.shade`): a tint behind dark text, or a dark
 * fill behind white, never Mantine's mid shades as text (orange 6 on its tint is about 2.5:1).
 * service-level.test.ts holds each pair to WCAG AA (4.5:1 for the badge's small text).
 */
export const slaTone: Record<SlaState, { bg: string; text: string }> = {
  on_track: { bg: 'teal.0', text: 'teal.9' },
  at_risk: { bg: 'orange.2', text: 'dark.9' },
  breached: { bg: 'red.9', text: 'white' },
  paused: { bg: 'gray.2', text: 'gray.8' },
  met: { bg: 'teal.0', text: 'teal.9' },
  missed: { bg: 'red.0', text: 'red.9' },
};

/**
 * The states a board card shows: the ones that ask for attention. An on-track card shows nothing
 * (most cards are), and a met one has nothing left to say.
 */
export const cardSlaStates: readonly SlaState[] = ['at_risk', 'breached', 'paused', 'missed'];

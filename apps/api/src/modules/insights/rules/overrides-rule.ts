import { count, percent, pointsBetween } from './insight-format';
import type { InsightRule } from './facts';

export type { OverrideFacts } from './facts';
import { clamp } from './report-maths';

/** Beyond this (one point of share, either way) overrides change what the headline says. */
export const overrideThreshold = 0.01;

/** Overrides that move the share by more than a point: the headline is partly relabelling. */
export const overridesMoveShare: InsightRule = {
  id: 'overrides-move-share',
  apply: ({ overrides }) => {
    if (!overrides || Math.abs(overrides.shareEffect) <= overrideThreshold) return null;
    const { toStrategic, toTactical, shareEffect, strategicShare, shareAtDefaults } = overrides;
    const parts = [
      toStrategic.count > 0
        ? `${count(toStrategic.count, 'request')} of tactical types ${toStrategic.count === 1 ? 'was' : 'were'} classified strategic`
        : null,
      toTactical.count > 0
        ? `${count(toTactical.count, 'request')} of strategic types ${toTactical.count === 1 ? 'was' : 'were'} classified tactical`
        : null,
    ].filter((p): p is string => p !== null);
    const points = Math.abs(pointsBetween(strategicShare, shareAtDefaults));
    const they = toStrategic.count + toTactical.count === 1 ? 'it' : parts.length > 1 ? 'together they' : 'they';
    const verb = shareEffect > 0 ? (they === 'it' ? 'lifts' : 'lift') : they === 'it' ? 'lowers' : 'lower';
    return {
      importance: clamp(45 + 5 * points, 45, 85),
      text: `${parts.join(' and ')}; ${they} ${verb} the share by ${count(points, 'point')} (from ${percent(shareAtDefaults)} to ${percent(strategicShare)}).`.replace(
        /^./,
        (c) => c.toUpperCase(),
      ),
      figures: {
        shareEffect,
        strategicShare,
        shareAtDefaults,
        toStrategicCount: toStrategic.count,
        toStrategicMinutes: toStrategic.minutes,
        toTacticalCount: toTactical.count,
        toTacticalMinutes: toTactical.minutes,
      },
      section: 'overrides',
    };
  },
};

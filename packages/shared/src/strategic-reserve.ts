import { formatDuration, type DurationResult } from './duration';
import { parseWeeklyHours } from './working-time';

/**
 * A strategic reserve as a lead types it: hours a week like the weekly hours ("8", "8h",
 * "7h 30m"), or a share of the person's week ("25%", "12,5 %"), turned into whole minutes of
 * `weeklyMinutes`. Either way it cannot exceed the week (the API refuses that too).
 */
export function parseStrategicReserve(input: string, weeklyMinutes: number): DurationResult {
  const text = input.trim();
  const share = /^(\d+(?:[.,]\d+)?)\s*%$/.exec(text);
  let result: DurationResult;
  if (share) {
    const percent = Number(share[1]!.replace(',', '.'));
    if (percent > 100) return { ok: false, message: 'must be at most 100 % of the week' };
    result = { ok: true, minutes: Math.round((weeklyMinutes * percent) / 100) };
  } else {
    result = parseWeeklyHours(text);
  }
  if (result.ok && result.minutes > weeklyMinutes)
    return { ok: false, message: `must be at most the weekly hours (${formatDuration(weeklyMinutes).replace(/^0m$/, '0h')})` };
  return result;
}

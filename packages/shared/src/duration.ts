/**
 * One parser for every duration a person types (time logged, estimates). It accepts the ways
 * people write time and refuses anything it would have to guess at: "1h 15m" once became 115
 * minutes because digits were read as digits.
 *
 * Accepted, all meaning 75 minutes: `75`, `75m`, `75 min`, `1h 15m`, `1h15m`, `1:15`, `1.25h`,
 * `1,25h`, `1 hour 15 minutes`. A bare number is minutes; a decimal needs a unit, since `1.5`
 * could be hours or minutes.
 */
export type DurationResult = { ok: true; minutes: number } | { ok: false; message: string };

export interface DurationOptions {
  /** Largest accepted value in minutes (inclusive). */
  max?: number;
}

const hourUnit = '(?:h|hr|hrs|hour|hours)';
const minuteUnit = '(?:m|min|mins|minute|minutes)';
const number = '(\\d+(?:[.,]\\d+)?|[.,]\\d+)';
const hoursAndMinutes = new RegExp(`^(?:${number}\\s*${hourUnit})?\\s*(?:${number}\\s*${minuteUnit})?$`);
const clock = /^(\d{1,3}):([0-5]\d)$/;
const bareMinutes = /^\d+$/;

const decimal = (text: string) => Number(text.replace(',', '.'));

function parseMinutes(text: string): number | string {
  if (bareMinutes.test(text)) return Number(text);
  const c = clock.exec(text);
  if (c) return Number(c[1]) * 60 + Number(c[2]);
  if (/^\d*[.,]\d+$/.test(text)) return 'add a unit: 1.5h or 90m';
  const m = hoursAndMinutes.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return 'write it as 1h 15m, 1:15, 1.25h or 75m';
  const total = (m[1] === undefined ? 0 : decimal(m[1]) * 60) + (m[2] === undefined ? 0 : decimal(m[2]));
  // Floating point: 1.1h is 66.00000000000001 minutes.
  const rounded = Math.round(total * 1e6) / 1e6;
  if (!Number.isInteger(rounded)) return 'must come to whole minutes';
  return rounded;
}

/** Minutes from what a person typed, or the message to show beside the field. */
export function parseDuration(input: string, { max }: DurationOptions = {}): DurationResult {
  const text = input.trim().toLowerCase();
  if (text === '') return { ok: false, message: 'enter a duration, e.g. 1h 15m' };
  const minutes = parseMinutes(text);
  if (typeof minutes === 'string') return { ok: false, message: minutes };
  if (minutes <= 0) return { ok: false, message: 'must be more than 0' };
  if (max !== undefined && minutes > max) return { ok: false, message: `must be at most ${formatDuration(max)}` };
  return { ok: true, minutes };
}

/** "1h 15m", "45m", "2h": how the app writes durations, also as the preview beside a field. */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}m`;
  return m === 0 ? `${h}h` : `${h}h ${m}m`;
}

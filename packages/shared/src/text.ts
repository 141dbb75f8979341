import { z } from 'zod';

/**
 * The rules for every text a person types and another person reads (titles, names, briefs,
 * comments, notes). Text is stored as people will see it, so it is normalised here, once:
 * NFC (so "é" typed two ways is one string), line breaks as \n, no leading or trailing blanks.
 * What is refused could hide or disguise content on another person's screen: control characters
 * (NUL truncates in C tools and logs), bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069:
 * "txt.exe" shown as "exe.txt"), lone surrogates (not text at all), and a required text that is
 * only blanks or invisible format characters. Marks like U+200E/U+200F and joiners (U+200C/D)
 * stay allowed: right-to-left languages and emoji need them.
 */

const bidiControls = /[\u202A-\u202E\u2066-\u2069]/;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Matching control characters is the point of these two patterns.
/** C0 and C1 controls and DEL; a long text keeps tab and line feed. */
// eslint-disable-next-line no-control-regex
const longTextControls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** In one line: no line or paragraph break, and no control at all. */
const lineBreaks = /[\n\r\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const lineControls = /[\u0000-\u001F\u007F-\u009F]/;
/** Nothing a reader could see: whitespace and format characters (zero-width space, BOM, joiners…), bidi controls aside. */
const blank = /^(?:(?![\u202A-\u202E\u2066-\u2069])[\s\p{Cf}])*$/u;

type Kind = 'line' | 'long';

/** NFC, \n for every line break in a long text, no blanks around; an optional text with nothing visible becomes ''. */
export function normaliseText(kind: Kind, value: string, required = true): string {
  const nfc = value.normalize('NFC');
  const trimmed = (kind === 'long' ? nfc.replace(/\r\n?/g, '\n') : nfc).trim();
  return !required && blank.test(trimmed) ? '' : trimmed;
}

/** The first rule a normalised `value` breaks, worded for its field; undefined when it is clean. Length is zod's `max`. */
export function textProblem(kind: Kind, value: string, required = true): string | undefined {
  if (loneSurrogate.test(value)) return 'must be valid text (it holds a broken character)';
  if (bidiControls.test(value)) return 'must not contain bidirectional override or isolate characters';
  if (kind === 'line' && lineBreaks.test(value)) return 'must be a single line';
  if ((kind === 'line' ? lineControls : longTextControls).test(value)) return 'must not contain control characters';
  if (required && blank.test(value)) return 'must not be blank';
  return undefined;
}

function text(kind: Kind, max: number, required: boolean) {
  return (
    z
      .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
      // overwrite, not transform: the schema stays a string with its maxLength in OpenAPI and forms.
      .overwrite((value) => normaliseText(kind, value, required))
      .max(max, { error: `must be at most ${max} characters` })
      .superRefine((value, ctx) => {
        const problem = textProblem(kind, value, required);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
  );
}

/**
 * A required one-line text (a title, a name): trimmed, at most `max` characters, not blank.
 * Wrap in `.optional()` for a PATCH body: absent means unchanged, present must still be a real text.
 */
export const singleLine = (max: number) => text('line', max, true);

/**
 * A multi-line text (a brief, a comment, a note): line breaks and tabs allowed. `required`: blank
 * is refused; otherwise a blank one is stored as ''.
 */
export const longText = (max: number, { required = false }: { required?: boolean } = {}) => text('long', max, required);

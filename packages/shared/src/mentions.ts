import { z } from 'zod';

/**
 * Mentions in comments are written `@handle`, where a person's handle is the part of their email
 * before the `@` (`@robin.park`): unique within the company, typeable, and free of the spaces that
 * make names ambiguous. The web's autocomplete inserts it; the server notifies only people who may
 * see the request; the web renders a known handle as the person's name.
 */
export const handleOf = (email: string): string => email.slice(0, email.indexOf('@')).toLowerCase();

/** `@` at the start or after a space or opening bracket, so emails (`a@b.com`) are not mentions. */
const mentionPattern = /(^|[\s([{])@([a-z0-9][a-z0-9._+-]{0,63})/gi;

/** The handles mentioned in a comment body, lower-cased, each once, in order of first mention; a trailing dot is punctuation. */
export function mentionedHandles(body: string): string[] {
  const seen = new Set<string>();
  for (const match of body.matchAll(mentionPattern)) {
    const handle = match[2]!.replace(/[._-]+$/, '').toLowerCase();
    if (handle !== '') seen.add(handle);
  }
  return [...seen];
}

/** A comment split for display: plain text, and `@handle` runs (the handle lower-cased) in between. */
export type MentionPart = { text: string; handle?: string };

/** Splits text by the same rule as `mentionedHandles`, so what is shown as a mention is what notified. */
export function mentionParts(text: string): MentionPart[] {
  const parts: MentionPart[] = [];
  let at = 0;
  for (const match of text.matchAll(mentionPattern)) {
    const handle = match[2]!.replace(/[._-]+$/, '');
    if (handle === '') continue;
    const start = match.index + match[1]!.length;
    if (start > at) parts.push({ text: text.slice(at, start) });
    parts.push({ text: `@${handle}`, handle: handle.toLowerCase() });
    at = start + 1 + handle.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/**
 * The mention being typed just before the caret, for the autocomplete: where its `@` is and the
 * letters after it (at least one), or null when the caret is not at the end of a would-be mention.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|[\s([{])@([a-z0-9][a-z0-9._+-]{0,63})$/i.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: match.index + match[1]!.length, query: match[2]! };
}

/** `GET /api/requests/:id/mentionable?q=`: people who may see the request, for the autocomplete. */
export const MentionCandidate = z.object({ id: z.number().int(), name: z.string(), handle: z.string() });
export type MentionCandidate = z.infer<typeof MentionCandidate>;
export const MentionCandidates = z.object({ items: z.array(MentionCandidate) });
export type MentionCandidates = z.infer<typeof MentionCandidates>;
export const MentionableQuery = z.object({ q: z.string().max(64).default('') });

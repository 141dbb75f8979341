/** Puts `@handle ` in place of the `@letters` typed before the caret; answers the new text and caret. */
export function insertMention(text: string, caret: number, start: number, handle: string): { text: string; caret: number } {
  const inserted = `@${handle} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}

/** The keys that move focus between cards while nothing is picked up. */
export const navKeys = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'] as const;
export type NavKey = (typeof navKeys)[number];
export const isNavKey = (key: string): key is NavKey => (navKeys as readonly string[]).includes(key);

/**
 * The card focus moves to from card `id` on `key`, over the columns' cards in display order
 * (lane by lane, top to bottom): ↑/↓ within the column across its lanes, Home/End to its ends,
 * ←/→ to the neighbouring column's card at the same index (clamped), skipping empty columns.
 * The same id when there is nowhere to go; null when the card is not on the board.
 */
export function nextCardId(columns: { cards: { id: number }[] }[], id: number, key: NavKey): number | null {
  const col = columns.findIndex((c) => c.cards.some((card) => card.id === id));
  if (col < 0) return null;
  const cards = columns[col]!.cards;
  const index = cards.findIndex((card) => card.id === id);
  switch (key) {
    case 'ArrowUp':
      return cards[Math.max(0, index - 1)]!.id;
    case 'ArrowDown':
      return cards[Math.min(cards.length - 1, index + 1)]!.id;
    case 'Home':
      return cards[0]!.id;
    case 'End':
      return cards[cards.length - 1]!.id;
    default: {
      const step = key === 'ArrowLeft' ? -1 : 1;
      for (let c = col + step; c >= 0 && c < columns.length; c += step) {
        const other = columns[c]!.cards;
        if (other.length) return other[Math.min(index, other.length - 1)]!.id;
      }
      return id;
    }
  }
}

/** A key press meant for the page, not for a field being typed in or an open dialog. */
export function isTypingOrInDialog(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('input, textarea, select, [role="combobox"], [role="textbox"]')) return true;
  return target.closest('[role="dialog"], [aria-modal="true"]') !== null;
}

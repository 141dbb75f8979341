import type { Announcements, UniqueIdentifier } from '@dnd-kit/core';
import type { Status } from '@altitude/shared/domain';
import type { Card } from '@altitude/shared/requests';
import { statusLabel } from '../../lib/format';
import type { Drop } from './drop';
import { laneLabel } from './lanes';

const label = (card: Card | undefined) => (card ? `card ${card.key}, ${card.title}` : 'card');

function overLabel(id: UniqueIdentifier, cards: Map<number, Card>) {
  const card = cards.get(Number(id));
  if (card) return `${statusLabel[card.status]}, next to ${card.key}`;
  const [, status, lane] = String(id).split(':') as [string, Status, keyof typeof laneLabel];
  return `the ${statusLabel[status] ?? ''} column, ${laneLabel[lane]?.toLowerCase() ?? ''} lane`;
}

/** A drop that must ask for a class first: an unclassified card leaving intake for work. */
export const needsClass = (drop: Drop) =>
  drop.input.card.status === 'intake' && drop.input.status !== 'intake' && drop.input.status !== 'declined' && drop.lane === 'unclassified';

/** What the screen reader hears while a card is dragged; a drop says where the card went. */
export function boardAnnouncements(
  cards: Map<number, Card>,
  dropFor: (active: UniqueIdentifier, over: unknown) => Drop | null,
): Announcements {
  const of = (id: UniqueIdentifier) => label(cards.get(Number(id)));
  return {
    onDragStart: ({ active }) => `Picked up ${of(active.id)}. Arrow keys move it, Space drops it, Escape cancels.`,
    onDragOver: ({ active, over }) =>
      over ? `${of(active.id)} is over ${overLabel(over.id, cards)}.` : `${of(active.id)} is no longer over a column.`,
    onDragEnd: ({ active, over }) => {
      const drop = dropFor(active.id, over);
      if (!drop) return 'Dropped outside the board; nothing moved.';
      const { card, status } = drop.input;
      if (drop.unchanged) return `${card.key} was dropped where it was.`;
      const where = `${statusLabel[status]}, position ${drop.position} of ${drop.of} in the ${drop.lane} lane`;
      if (needsClass(drop)) return `${card.key} needs a class before it moves to ${where}.`;
      return `${card.key} moved to ${where}.`;
    },
    onDragCancel: ({ active }) => `Moving ${of(active.id)} was cancelled; it is back where it was.`,
  };
}

import type { Status } from '@altitude/shared/domain';
import type { Card } from '@altitude/shared/requests';
import type { MoveInput } from './api/move-card';
import { laneOf, lanes, neighboursAt, type Lane } from './lanes';

export interface Drop {
  input: MoveInput;
  lane: Lane;
  /** Where the card lands in its lane of the target column, counted from 1. */
  position: number;
  /** How many cards that lane holds with the card in it. */
  of: number;
  /** Dropped where it was: nothing to send. */
  unchanged: boolean;
}

/**
 * Where a drop puts a card: over a card, beside it (below it when dragged down its own column);
 * over a lane cell, at the end of that lane. A card only ever lands in its own lane: other lanes
 * take no drop while it is dragged (lane-cell.tsx), so the preview and the result agree.
 */
export function dropOf(
  columns: { status: Status; cards: Card[] }[],
  card: Card,
  over: { id: string | number; status?: Status } | null,
): Drop | null {
  if (!over) return null;
  const overCard = columns.flatMap((c) => c.cards).find((c) => c.id === Number(over.id));
  const status = overCard ? overCard.status : over.status;
  const target = columns.find((c) => c.status === status)?.cards;
  if (!status || !target) return null;
  const lane = laneOf(card);
  const without = target.filter((c) => c.id !== card.id);
  let index: number;
  if (overCard && laneOf(overCard) === lane) {
    index = without.findIndex((c) => c.id === overCard.id);
    // Dragging down within a column places the card below the one it is over.
    if (card.status === status && target.indexOf(card) < target.indexOf(overCard)) index += 1;
  } else {
    // The end of its lane: after the lane's last card, or where the lane would start.
    const last = without.findLastIndex((c) => laneOf(c) === lane);
    index = last >= 0 ? last + 1 : without.filter((c) => lanes.indexOf(laneOf(c)) < lanes.indexOf(lane)).length;
  }
  const { above, below } = neighboursAt(without, index, lane);
  const laneCards = without.filter((c) => laneOf(c) === lane);
  const position = above ? laneCards.indexOf(above) + 2 : 1;
  let unchanged = false;
  if (card.status === status) {
    const before = neighboursAt(without, target.indexOf(card), lane);
    unchanged = before.above?.id === above?.id && before.below?.id === below?.id;
  }
  return { input: { card, status, above, below }, lane, position, of: laneCards.length + 1, unchanged };
}

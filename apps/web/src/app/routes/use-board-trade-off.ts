import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { Classification } from '@altitude/shared/domain';
import type { Card } from '@altitude/shared/requests';
import { tradeOffQuery } from '../../features/trade-off/api/get-trade-off';

/**
 * The trade-off at triage for a card classified on the board: when an assigned card is made
 * tactical and that takes its assignee's strategic reserve, its drawer opens, where the warning
 * and the choices (someone with room, a later date, hand back, accept anyway) are.
 */
export function useBoardTradeOff() {
  const queryClient = useQueryClient();
  return (card: Card, classification: Classification, open: (id: number) => void) => {
    if (classification !== 'tactical' || card.assigneeId === null) return;
    queryClient
      .fetchQuery({ ...tradeOffQuery(card.id, { assigneeId: card.assigneeId, classification, version: card.version + 1 }), staleTime: 0 })
      .then((tradeOff) => {
        if (tradeOff.reserveTakenMinutes === 0 || !tradeOff.message) return;
        notifications.show({ color: 'orange', title: `${card.key} takes strategic reserve`, message: tradeOff.message });
        open(card.id);
      })
      // The check is advice: the class is saved either way, and the drawer asks again when opened.
      .catch(() => undefined);
  };
}

import { RequestFiles } from '../../features/attachments/components/request-files';
import { BoardPage } from '../../features/board/pages/board-page';
import { RequestDrawer } from '../../features/requests/components/request-drawer';
import { TradeOffAlert } from '../../features/trade-off/components/trade-off-alert';
import { renderInitiative } from './request-planning';
import { useBoardTradeOff } from './use-board-trade-off';

/**
 * The board with the request drawer for its open card (its files, its initiative, and the
 * trade-off at triage): the features meet here, not in each other.
 */
export function BoardRoute() {
  const checkTradeOff = useBoardTradeOff();
  return (
    <BoardPage
      renderCard={(id, onClose) => (
        <RequestDrawer
          id={id}
          onClose={onClose}
          renderTradeOff={(actions) => <TradeOffAlert {...actions} />}
          renderFiles={(request) => <RequestFiles request={request} />}
          renderPlanning={renderInitiative}
        />
      )}
      onClassified={checkTradeOff}
    />
  );
}

import { RequestFiles } from '../../features/attachments/components/request-files';
import { RequestDrawer } from '../../features/requests/components/request-drawer';
import { TradeOffAlert } from '../../features/trade-off/components/trade-off-alert';
import { renderInitiative } from './request-planning';

/**
 * The board's request drawer with what other features add to it (its files, its initiative, the
 * trade-off at triage). A chunk of its own, loaded by board-route.tsx when a card first opens (or
 * once the board is idle): the board's first load does not carry the drawer's editors.
 */
export function BoardCardDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  return (
    <RequestDrawer
      id={id}
      onClose={onClose}
      renderTradeOff={(actions) => <TradeOffAlert {...actions} />}
      renderFiles={(request) => <RequestFiles request={request} />}
      renderPlanning={renderInitiative}
    />
  );
}

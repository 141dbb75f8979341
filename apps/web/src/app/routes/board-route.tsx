import { BoardPage } from '../../features/board/pages/board-page';
import { RequestDrawer } from '../../features/requests/components/request-drawer';
import { renderInitiative } from './request-planning';

/** The board with the request drawer for its open card: the features meet here, not in each other. */
export function BoardRoute() {
  return <BoardPage renderCard={(id, onClose) => <RequestDrawer id={id} onClose={onClose} renderPlanning={renderInitiative} />} />;
}

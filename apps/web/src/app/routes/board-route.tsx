import { RequestFiles } from '../../features/attachments/components/request-files';
import { BoardPage } from '../../features/board/pages/board-page';
import { RequestDrawer } from '../../features/requests/components/request-drawer';

/** The board with the request drawer (and its files) for its open card: the features meet here, not in each other. */
export function BoardRoute() {
  return (
    <BoardPage
      renderCard={(id, onClose) => (
        <RequestDrawer id={id} onClose={onClose} renderFiles={(request) => <RequestFiles request={request} />} />
      )}
    />
  );
}

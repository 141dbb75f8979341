import { lazy, Suspense, useEffect, useState } from 'react';
import { Center, Drawer, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { BoardPage } from '../../features/board/pages/board-page';
import { requestQuery } from '../../features/requests/api/get-request';
import { useBoardTradeOff } from './use-board-trade-off';

const loadDrawer = () => import('./board-card-drawer');
const BoardCardDrawer = lazy(() => loadDrawer().then((m) => ({ default: m.BoardCardDrawer })));

/** After the board is up, its drawer's code is fetched in the background, so a first click seldom waits for it. */
const warmDrawerAfterMs = 1500;

/**
 * The board with the request drawer for its open card: the features meet here, not in each other.
 * The drawer is lazy (board-card-drawer.tsx); it is first rendered when a card opens, and stays
 * mounted after so it can animate closed.
 */
export function BoardRoute() {
  const checkTradeOff = useBoardTradeOff();
  return <BoardPage renderCard={(id, onClose) => <CardDrawer id={id} onClose={onClose} />} onClassified={checkTradeOff} />;
}

function CardDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [wanted, setWanted] = useState(id !== null);
  // Adjusting state while rendering (React's documented pattern): from the first open on, the drawer stays.
  if (id !== null && !wanted) setWanted(true);
  useEffect(() => {
    const timer = setTimeout(() => void loadDrawer().catch(() => undefined), warmDrawerAfterMs);
    return () => clearTimeout(timer);
  }, []);
  // The card's details load alongside the drawer's code, not after it.
  useEffect(() => {
    if (id !== null) void queryClient.prefetchQuery(requestQuery(id));
  }, [id, queryClient]);
  if (!wanted) return null;
  return (
    <Suspense
      fallback={
        <Drawer opened={id !== null} onClose={onClose} position="right" size={560} padding="lg" title="Loading request…">
          <Center p="xl">
            <Loader aria-label="Loading request" />
          </Center>
        </Drawer>
      }
    >
      <BoardCardDrawer id={id} onClose={onClose} />
    </Suspense>
  );
}

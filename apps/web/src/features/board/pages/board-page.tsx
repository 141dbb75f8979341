import { Alert, Button, Group, Kbd, Loader, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardCode,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useQueryClient } from '@tanstack/react-query';
import {
  startTransition,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { Link } from 'react-router';
import { closedStatuses, type Classification, type Status } from '@altitude/shared/domain';
import type { Board, Card } from '@altitude/shared/requests';
import { ApiError } from '../../../lib/api-client';
import { useLookup } from '../../../lib/directory';
import { useCurrentUser } from '../../../lib/session';
import { statusLabel } from '../../../lib/format';
import { queryKeys } from '../../../lib/query-keys';
import { useAssignCard } from '../api/assign-card';
import { useClassifyCard } from '../api/classify-card';
import { useBoard } from '../api/get-board';
import { useOlderCards } from '../api/list-older-cards';
import { useMoveCard, type MoveInput } from '../api/move-card';
import { BoardCard } from '../components/board-card';
import { BoardColumn } from '../components/board-column';
import { BoardFiltersBar } from '../components/board-filters';
import { olderFor, PhoneBoard } from '../components/phone-board';
import { ClassifyPrompt } from '../components/classify-prompt';
import { ShortcutsDialog } from '../components/shortcuts-dialog';
import { boardAnnouncements, needsClass } from '../announcements';
import { CardLookupContext } from '../card-lookup';
import { dropOf } from '../drop';
import { useBoardFilters, useOpenCard, type BoardFilters } from '../hooks/use-board-filters';
import { useBoardCheck } from '../hooks/use-board-check';
import { useBoardKeys } from '../hooks/use-board-keys';
import { inDisplayOrder, laneOf, neighboursAt } from '../lanes';
import classes from './board-page.module.css';

interface Props {
  /**
   * The open card (`?card=42`), drawn by whoever composes the page: the request drawer belongs
   * to the requests feature, and features do not import each other (see app/routes/board-route).
   */
  renderCard: (id: number | null, onClose: () => void) => ReactNode;
  /**
   * Told after a card is classified on the board (a key press or the prompt of a drag out of
   * intake), with a way to open it: the trade-off at triage, composed in app/, checks tactical work.
   */
  onClassified?: (card: Card, classification: Classification, open: (id: number) => void) => void;
}

const isClosed = (status: Status) => (closedStatuses as readonly Status[]).includes(status);

export function BoardPage({ renderCard, onClassified }: Props) {
  const filterState = useBoardFilters();
  const { filters } = filterState;
  const { data: fresh, error: readError, isPending } = useBoard(filters);
  // The board's first arrival renders in the background (a deferred value: React renders it in
  // slices it yields between), not in the one synchronous task a query's update gets; the loader
  // stays until it is ready. From then on updates render at once, as before (a move must not
  // wait a frame to show where the card went).
  const deferred = useDeferredValue(fresh);
  const [arrived, setArrived] = useState(false);
  // Adjusting state while rendering (React's documented pattern): no second render of the board.
  if (deferred !== undefined && !arrived) setArrived(true);
  const board = arrived ? fresh : deferred;
  const queryClient = useQueryClient();
  const move = useMoveCard(filters);
  const { id: openId, open } = useOpenCard();
  const [dragging, setDragging] = useState<Card | null>(null);
  const [pending, setPending] = useState<MoveInput | null>(null);
  const [classifying, setClassifying] = useState(false);
  /** What the polite live region last said (assignments, classifications). */
  const [message, setMessage] = useState('');
  // Below Mantine's `sm` the board is one column at a time with a "Move to…" menu (PhoneBoard).
  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    // Instant scrolling: a smooth scroll held the next keyboard step back by about a third of a
    // second whenever the card reached the column's edge.
    // Space alone picks up and drops: Enter opens the card instead.
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates, scrollBehavior: 'auto', keyboardCodes }),
  );

  const older = useOlderColumns(filters, board);
  // Keyed on the data, not on `older` (a new object each render): the columns, and each column's
  // card list, stay the same objects from one render to the next while the cards do, so the
  // memoised columns skip the page's renders (the board's first load alone renders it once per
  // column) instead of sorting every card again and re-rendering every lane each time.
  const olderDone = older.done?.data;
  const olderDeclined = older.declined?.data;
  const columns = useMemo(() => {
    const olderOf: Partial<Record<Status, typeof olderDone>> = { done: olderDone, declined: olderDeclined };
    return (board?.columns ?? []).map((col) => {
      const extra = olderOf[col.status]?.pages.flatMap((p) => p.cards) ?? [];
      return { column: col, cards: inDisplayOrder([...col.cards, ...extra], isClosed(col.status)) };
    });
  }, [board, olderDone, olderDeclined]);
  // "Show older", one stable function per closed column (the latest query read when clicked).
  const olderRef = useRef(older);
  useEffect(() => {
    olderRef.current = older;
  });
  const loadOlder = useMemo(() => {
    const load = (status: Status) => () => {
      const more = olderRef.current[status];
      if (more) void (more.data ? more.fetchNextPage() : more.enable());
    };
    return { done: load('done'), declined: load('declined') } as Partial<Record<Status, () => void>>;
  }, []);
  // The board's first render is spread over frames: the columns' shells come at once, then their
  // cards column by column, each in a transition (rendered in slices React yields between), so
  // the page never holds one long task. Later updates render at once, as before.
  const [renderedColumns, setRenderedColumns] = useState(0);
  useEffect(() => {
    if (columns.length > 0 && renderedColumns < columns.length) startTransition(() => setRenderedColumns((n) => n + 1));
  }, [columns.length, renderedColumns]);
  // Each board read is checked against the contract once every column is drawn (the check of a
  // 1,000-card board held the first card back); one that fails is taken off the page, its error shown.
  const checkError = useBoardCheck(board, renderedColumns >= columns.length);
  const error = readError ?? checkError;
  const cardById = useMemo(() => new Map(columns.flatMap((c) => c.cards.map((card) => [card.id, card] as const))), [columns]);
  // The column each card is shown in: only the column holding the tab stop is told of it, so an
  // arrow key re-renders the one or two columns it moves the tab stop between, not every column.
  const columnOf = useMemo(() => new Map(columns.flatMap((c) => c.cards.map((card) => [card.id, c.column.status] as const))), [columns]);

  const submitMove = (input: MoveInput) =>
    move.mutate(input, {
      onError: (err) => {
        if (err instanceof ApiError && err.status === 422 && err.problem.code === 'request.unclassified') {
          setPending(input);
          return;
        }
        const conflict = err instanceof ApiError && err.status === 409;
        notifications.show({
          color: conflict ? 'orange' : 'red',
          title: conflict ? `${input.card.key} was changed by someone else` : `Could not move ${input.card.key}`,
          message: conflict ? 'The board was reloaded; try the move again.' : err.message,
        });
        if (conflict) void queryClient.invalidateQueries({ queryKey: queryKeys.board.all });
      },
    });

  const columnCards = useMemo(() => columns.map((c) => ({ status: c.column.status, cards: c.cards })), [columns]);
  const dropFor = (activeId: string | number, over: { id: string | number; data: { current?: unknown } } | null) => {
    const card = cardById.get(Number(activeId));
    const data = over?.data.current as { status?: Status } | undefined;
    return card ? dropOf(columnCards, card, over && { id: over.id, status: data?.status }) : null;
  };
  // The phone's "Move to…": the end of the card's lane there, asking for a class first as a drop out of intake does.
  const moveTo = (card: Card, status: Status) => {
    const target = columns.find((c) => c.column.status === status)?.cards.filter((c) => c.id !== card.id) ?? [];
    const input: MoveInput = { card, status, ...neighboursAt(target, target.length, laneOf(card)) };
    if (card.status === 'intake' && status !== 'intake' && status !== 'declined' && laneOf(card) === 'unclassified') setPending(input);
    else submitMove(input);
  };

  const onDragStart = (e: DragStartEvent) => setDragging(cardById.get(Number(e.active.id)) ?? null);
  const onDragEnd = (e: DragEndEvent) => {
    setDragging(null);
    const drop = dropFor(e.active.id, e.over);
    if (!drop || drop.unchanged) return;
    const { input } = drop;
    if (needsClass(drop)) {
      setPending(input);
      return;
    }
    submitMove(input);
  };

  const classify = useClassifyCard();
  // One lookup for every card (maps, the same object while the directory stays), handed down by context.
  const lookup = useLookup();
  const { types } = lookup;
  // The latest `open` for the stable callback below (a new function each render would re-render every card).
  const openRef = useRef(open);
  const classifiedRef = useRef(onClassified);
  useEffect(() => {
    openRef.current = open;
    classifiedRef.current = onClassified;
  });
  const openCard = useCallback((id: number) => openRef.current(id), []);
  const defaultOf = (card: Card) => types.find((t) => t.id === card.typeId)?.defaultClassification ?? null;
  // Stable (while the types stay), so memoised cards do not re-render when the page does.
  const classifyCard = useCallback(
    (card: Card, c: Classification) => {
      const type = types.find((t) => t.id === card.typeId);
      // Against the type's default a note is needed: the card's drawer asks for it, a key press cannot.
      if (type && c !== type.defaultClassification && !(c === card.classification && card.classificationNote)) {
        openRef.current(card.id);
        notifications.show({
          title: `${card.key}: a note is needed`,
          message: `${type.name} requests default to ${type.defaultClassification}. Choose ${c} in the card and say why.`,
        });
        return;
      }
      void classify(card.id, c, undefined, card.version)
        .then(() => {
          setMessage(`${card.key} classified ${c}: it is now in the ${c} lane.`);
          classifiedRef.current?.(card, c, (id) => openRef.current(id));
        })
        .catch((err: Error) => notifications.show({ color: 'red', title: 'Not classified', message: err.message }));
    },
    [classify, types],
  );
  const choose = async (classification: Classification, note: string) => {
    if (!pending) return;
    setClassifying(true);
    try {
      const updated = await classify(pending.card.id, classification, note, pending.card.version);
      submitMove({ ...pending, card: { ...pending.card, version: updated.version, classification, classificationSuggested: false } });
      classifiedRef.current?.(pending.card, classification, (id) => openRef.current(id));
      setPending(null);
    } catch (err) {
      notifications.show({ color: 'red', title: 'Not classified', message: err instanceof Error ? err.message : String(err) });
    } finally {
      setClassifying(false);
    }
  };

  const me = useCurrentUser();
  const assign = useAssignCard();
  const assignToMe = (card: Card) => {
    if (card.assigneeId === me.id) return setMessage(`${card.key} is already assigned to you.`);
    assign(card.id, me.id, card.version)
      .then(() => setMessage(`${card.key} assigned to you.`))
      .catch((err: Error) => notifications.show({ color: 'red', title: `Could not assign ${card.key}`, message: err.message }));
  };
  const { onBoardMount, tabStopId, onCardKey, onCardFocus, helpOpen, closeHelp } = useBoardKeys({
    columns,
    openId,
    open,
    dragging: dragging !== null,
    assignToMe,
    classify: classifyCard,
  });

  // Stable for the memoised cards: the latest handler, read when a key is pressed.
  const cardKeyRef = useRef(onCardKey);
  useEffect(() => {
    cardKeyRef.current = onCardKey;
  });
  const cardKey = useCallback((card: Card, e: KeyboardEvent) => cardKeyRef.current(card, e), []);

  const announcements = boardAnnouncements(cardById, (id, over) => dropFor(id, over as Parameters<typeof dropFor>[1]));

  return (
    <CardLookupContext.Provider value={lookup}>
      <Stack gap="md" className={classes.page}>
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={1}>Board</Title>
            <Text size="sm" c="dimmed" id={hintId}>
              {phone ? (
                'One column at a time: pick it above the cards, and use "Move to…" on a card to move it.'
              ) : (
                <>
                  Drag cards between columns, or by keyboard: arrows move between cards, <Kbd>Enter</Kbd> opens, <Kbd>Space</Kbd> picks up
                  and drops, <Kbd>?</Kbd> lists every shortcut.
                </>
              )}
            </Text>
          </div>
          <Button component={Link} to="/requests/new?from=board">
            New request
          </Button>
        </Group>
        <BoardFiltersBar {...filterState} />
        {error && <Alert color="red">{error.message}</Alert>}
        {checkError ? null : isPending || (board === undefined && fresh !== undefined) ? (
          <Group justify="center" p="xl">
            <Loader />
          </Group>
        ) : phone ? (
          <PhoneBoard
            columns={columns.map(({ column, cards }) => ({ column, cards, ...olderFor(column, older[column.status]) }))}
            onOpen={open}
            onClassify={classifyCard}
            onMove={moveTo}
          />
        ) : (
          <DndContext
            sensors={sensors}
            collisionDetection={closestCorners}
            onDragStart={onDragStart}
            onDragEnd={onDragEnd}
            onDragCancel={() => setDragging(null)}
            accessibility={{ announcements }}
            // Droppables are measured only while a card is picked up (never at rest: a board that
            // loads or updates does not pay for it), and again when a lane scrolls new cards in.
            measuring={measuring}
          >
            <div
              ref={onBoardMount}
              tabIndex={-1}
              className={classes.columns}
              role="group"
              aria-label="Board cards"
              aria-describedby={hintId}
            >
              {columns.map(({ column, cards }, index) => {
                const more = older[column.status];
                const nextCursor = more?.data ? more.data.pages[more.data.pages.length - 1]!.nextCursor : column.nextCursor;
                return (
                  <BoardColumn
                    key={column.status}
                    column={column}
                    cards={cards}
                    filtered={filterState.active}
                    tabStopId={tabStopId !== null && columnOf.get(tabStopId) === column.status ? tabStopId : null}
                    dragging={dragging}
                    rendered={index < renderedColumns}
                    onOpen={openCard}
                    onClassify={classifyCard}
                    onCardKey={cardKey}
                    onCardFocus={onCardFocus}
                    onLoadMore={nextCursor && more ? loadOlder[column.status] : undefined}
                    loadingMore={more?.isFetching}
                  />
                );
              })}
            </div>
            <DragOverlay dropAnimation={null}>{dragging ? <BoardCard card={dragging} onOpen={noop} overlay /> : null}</DragOverlay>
          </DndContext>
        )}
        <ClassifyPrompt
          key={pending?.card.id ?? 0}
          card={pending?.card ?? null}
          targetLabel={pending ? statusLabel[pending.status] : ''}
          defaultClassification={pending ? defaultOf(pending.card) : null}
          busy={classifying}
          onChoose={choose}
          onCancel={() => setPending(null)}
        />
        <ShortcutsDialog opened={helpOpen} onClose={closeHelp} />
        <VisuallyHidden aria-live="polite" data-testid="board-announcer">
          {message}
        </VisuallyHidden>
        {renderCard(openId, () => open(null))}
      </Stack>
    </CardLookupContext.Provider>
  );
}

const keyboardCodes = { start: [KeyboardCode.Space], cancel: [KeyboardCode.Esc], end: [KeyboardCode.Space] };
const measuring = { droppable: { strategy: MeasuringStrategy.WhileDragging } };
const hintId = 'board-keys-hint';
const noop = () => {};

/** Older pages of the done and declined columns, fetched only when asked for. */
function useOlderColumns(filters: BoardFilters, board: Board | undefined) {
  const cursorOf = (status: Status) => board?.columns.find((c) => c.status === status)?.nextCursor ?? null;
  const done = useOlderCards('done', filters, cursorOf('done'));
  const declined = useOlderCards('declined', filters, cursorOf('declined'));
  return { done, declined } as Partial<Record<Status, typeof done>>;
}

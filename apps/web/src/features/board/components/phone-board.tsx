import { Badge, Button, Group, Menu, SegmentedControl, Text, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { Status } from '@altitude/shared/domain';
import type { BoardColumn, Card } from '@altitude/shared/requests';
import { classificationColor, statusLabel } from '../../../lib/format';
import type { useOlderCards } from '../api/list-older-cards';
import { useColumnSwitcher } from '../hooks/use-column-switcher';
import { laneLabel, laneOf } from '../lanes';
import { drawnLimit, firstDrawn, more, settle, type Drawn } from '../phone-drawn';
import { BoardCard, confirmable } from './board-card';
import classes from './phone-board.module.css';

export interface PhoneColumn {
  column: BoardColumn;
  cards: Card[];
  onLoadMore?: () => void;
  loadingMore?: boolean;
}

/** "Show older" for a done or declined column, as the desktop column offers it. */
export function olderFor(column: BoardColumn, more: ReturnType<typeof useOlderCards> | undefined) {
  const nextCursor = more?.data ? more.data.pages[more.data.pages.length - 1]!.nextCursor : column.nextCursor;
  if (!nextCursor || !more) return {};
  return { onLoadMore: () => (more.data ? void more.fetchNextPage() : more.enable()), loadingMore: more.isFetching };
}

interface Props {
  columns: PhoneColumn[];
  onOpen: (id: number) => void;
  onClassify: (card: Card, classification: 'strategic' | 'tactical') => void;
  /** Moves the card to the end of its lane in that column (the page asks for a class first where the rules need one). */
  onMove: (card: Card, status: Status) => void;
}

/**
 * Cards a column draws at first on a phone, and how many more each "Show more" adds: a column of
 * hundreds of cards would otherwise be drawn whole (the phone's board is not virtualised; the
 * page scrolls).
 */
export const phoneBatch = 40;

/**
 * The board on a phone: one column at a time, chosen with a switcher that shows every column's
 * count, and a "Move to…" menu on each card instead of dragging (a long press fights scrolling).
 */
export function PhoneBoard({ columns, onOpen, onClassify, onMove }: Props) {
  const { column: chosen, choose } = useColumnSwitcher(columns[0]?.column.status);
  const shown = columns.find((c) => c.column.status === chosen) ?? columns[0];
  const switcher = useRef<HTMLDivElement>(null);
  // How much of the chosen column is drawn (see phone-drawn.ts); another column starts again at one batch.
  const [drawn, setDrawn] = useState<Drawn & { status: Status }>({ status: chosen, ...firstDrawn(phoneBatch) });
  // The card to focus once "Show more" has drawn it: the first new one, where reading goes on.
  const focusNext = useRef<number | null>(null);
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusNext.current === null) return;
    section.current?.querySelector<HTMLElement>(`[data-testid="phone-card-${focusNext.current}"] [role="button"]`)?.focus();
    focusNext.current = null;
  }, [drawn]);
  // Keep the chosen column's button in view when the switcher is wider than the phone.
  useEffect(() => {
    switcher.current?.querySelector('[data-active]')?.scrollIntoView({ block: 'nearest', inline: 'center' });
  }, [chosen]);
  if (!shown) return null;
  const { column, cards } = shown;
  // Adjusting state while rendering (React's documented pattern): a column chosen again starts
  // at one batch too, as it does the first time; within a column the last drawn card is
  // remembered, so cards arriving above it lengthen the list instead of pushing it out.
  const current = drawn.status === column.status ? drawn : { status: column.status, ...firstDrawn(phoneBatch) };
  const limit = drawnLimit(cards, current);
  const settled = settle(cards, current, limit);
  if (settled !== drawn) setDrawn({ ...settled, status: column.status });
  const visible = cards.slice(0, limit);
  const notShown = cards.length - visible.length;
  const showMore = () => {
    focusNext.current = cards[limit]?.id ?? null;
    setDrawn({ status: column.status, ...more(limit, phoneBatch) });
  };
  const over = column.wipLimit !== null && column.count > column.wipLimit;

  return (
    <div className={classes.board}>
      <div className={classes.switcher} ref={switcher}>
        <SegmentedControl
          aria-label="Column"
          className={classes.segments}
          value={column.status}
          onChange={(v) => choose(v as Status)}
          data={columns.map(({ column: c }) => ({
            value: c.status,
            label: (
              <span className={classes.segment}>
                {statusLabel[c.status]}
                {/* Read as "Planned: 5 cards"; seen as a name and a count pill. */}
                <VisuallyHidden>: </VisuallyHidden>
                <span className={classes.count}>
                  {c.count}
                  <VisuallyHidden> cards</VisuallyHidden>
                </span>
              </span>
            ),
          }))}
        />
      </div>
      <section
        ref={section}
        aria-label={`${statusLabel[column.status]} column`}
        data-testid={`column-${column.status}`}
        className={classes.column}
      >
        <Group justify="space-between" wrap="nowrap" className={classes.header}>
          <Text fw={600}>{statusLabel[column.status]}</Text>
          <Badge variant={over ? 'filled' : 'light'} color={over ? 'red' : 'gray'} radius="sm" data-testid={`wip-${column.status}`}>
            {column.count}
            {column.wipLimit !== null ? ` / ${column.wipLimit} WIP` : ''}
          </Badge>
        </Group>
        {cards.length === 0 && (
          <Text size="sm" c="dimmed" ta="center" py="xl">
            No cards in {statusLabel[column.status]}.
          </Text>
        )}
        {visible.map((card, i) => (
          <div key={card.id}>
            {(i === 0 || laneOf(cards[i - 1]!) !== laneOf(card)) && <LaneHeading cards={cards} card={card} />}
            <PhoneCard card={card} columns={columns} onOpen={onOpen} onClassify={onClassify} onMove={onMove} />
          </div>
        ))}
        {notShown > 0 && (
          <Button variant="light" fullWidth h={44} onClick={showMore}>
            Show {Math.min(phoneBatch, notShown)} more ({notShown} not shown)
          </Button>
        )}
        {notShown === 0 && shown.onLoadMore && (
          <Button variant="light" fullWidth h={44} onClick={shown.onLoadMore} loading={shown.loadingMore}>
            Show older ({column.count - cards.length} more)
          </Button>
        )}
      </section>
    </div>
  );
}

function LaneHeading({ cards, card }: { cards: Card[]; card: Card }) {
  const lane = laneOf(card);
  return (
    <Group gap={6} className={classes.lane} data-testid={`lane-${lane}`}>
      <span className={classes.dot} style={{ background: `var(--mantine-color-${classificationColor[lane]}-5)` }} />
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {laneLabel[lane]}
      </Text>
      <Text size="xs" c="dimmed">
        {cards.filter((c) => laneOf(c) === lane).length}
      </Text>
    </Group>
  );
}

function PhoneCard({ card, columns, onOpen, onClassify, onMove }: Omit<Props, 'columns'> & { card: Card; columns: PhoneColumn[] }) {
  const named = `card-${card.id}-key card-${card.id}-title`;
  return (
    <div className={classes.slot} data-testid={`phone-card-${card.id}`}>
      {/* The whole card opens it, as on the desktop board; a button role so it is reachable without a finger too. */}
      <div
        role="button"
        tabIndex={0}
        aria-labelledby={named}
        className={classes.open}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            onOpen(card.id);
          }
        }}
      >
        <BoardCard card={card} onOpen={onOpen} />
      </div>
      <Group className={classes.actions} gap="xs" justify="flex-end" wrap="nowrap">
        {confirmable(card) && (
          <Button variant="subtle" color="dark" h={44} onClick={() => onClassify(card, card.classification!)} aria-describedby={named}>
            Confirm {card.classification}
          </Button>
        )}
        {/* Placed against the screen (the theme's Popover default): laid out on the page, this
            menu cut Chrome's scroll range short and its card could not be scrolled back to. */}
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="subtle" h={44} aria-describedby={named} rightSection={<span aria-hidden>▾</span>}>
              Move to…
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>Move {card.key} to</Menu.Label>
            {columns
              // Declining needs a reason: that stays in the card, where the note is asked for.
              .filter(({ column }) => column.status !== card.status && column.status !== 'declined')
              .map(({ column }) => (
                <Menu.Item key={column.status} onClick={() => onMove(card, column.status)} className={classes.item}>
                  {statusLabel[column.status]}
                </Menu.Item>
              ))}
            <Menu.Divider />
            <Menu.Item onClick={() => onOpen(card.id)} className={classes.item}>
              Open card (decline, hand back…)
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </div>
  );
}

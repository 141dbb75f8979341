import { Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import type { BoardColumn as Column, Card } from '@altitude/shared/requests';
import { classificationColor, statusLabel } from '../../../lib/format';
import { laneLabel, laneOf, type Lane } from '../lanes';
import { SortableBoardCard } from './board-card';
import classes from './board-column.module.css';

type Row = { kind: 'lane'; lane: Lane; count: number } | { kind: 'card'; card: Card };

interface Props {
  column: Column;
  cards: Card[];
  onOpen: (id: number) => void;
  onClassify: (card: Card, classification: 'strategic' | 'tactical') => void;
  onLoadMore?: () => void;
  loadingMore?: boolean;
}

/** One workflow column: lane headers between its cards, virtualised so thousands of cards stay light. */
export function BoardColumn({ column, cards, onOpen, onClassify, onLoadMore, loadingMore }: Props) {
  const { setNodeRef, isOver } = useDroppable({ id: `column:${column.status}`, data: { status: column.status } });
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => {
    const out: Row[] = [];
    let lane: Lane | null = null;
    const laneCounts = new Map<Lane, number>();
    for (const c of cards) laneCounts.set(laneOf(c), (laneCounts.get(laneOf(c)) ?? 0) + 1);
    for (const card of cards) {
      const l = laneOf(card);
      if (l !== lane) {
        out.push({ kind: 'lane', lane: l, count: laneCounts.get(l) ?? 0 });
        lane = l;
      }
      out.push({ kind: 'card', card });
    }
    return out;
  }, [cards]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'lane' ? 30 : 118),
    overscan: 6,
    // Measuring rows must not force a synchronous React render in the middle of a drag.
    useFlushSync: false,
    getItemKey: (i) => {
      const row = rows[i]!;
      return row.kind === 'lane' ? `lane-${row.lane}` : row.card.id;
    },
  });
  const over = column.wipLimit !== null && column.count > column.wipLimit;
  const ids = useMemo(() => cards.map((c) => c.id), [cards]);

  return (
    <section
      className={classes.column}
      data-over={isOver || undefined}
      aria-label={`${statusLabel[column.status]} column`}
      data-testid={`column-${column.status}`}
    >
      <Group justify="space-between" className={classes.header} wrap="nowrap">
        <Text fw={600} size="sm">
          {statusLabel[column.status]}
        </Text>
        <Tooltip
          label={
            column.wipLimit === null ? 'No WIP limit' : over ? `Over the WIP limit of ${column.wipLimit}` : `WIP limit ${column.wipLimit}`
          }
        >
          <Badge variant={over ? 'filled' : 'light'} color={over ? 'red' : 'gray'} radius="sm" data-testid={`wip-${column.status}`}>
            {column.count}
            {column.wipLimit !== null ? ` / ${column.wipLimit}` : ''}
          </Badge>
        </Tooltip>
      </Group>
      <div ref={scrollRef} className={classes.scroll}>
        <div ref={setNodeRef} style={{ height: virtualizer.getTotalSize(), position: 'relative', minHeight: 120 }}>
          <SortableContext id={column.status} items={ids} strategy={verticalListSortingStrategy}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className={classes.row}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {row.kind === 'lane' ? (
                    <Group gap={6} className={classes.lane} data-testid={`lane-${row.lane}`}>
                      <span className={classes.dot} style={{ background: `var(--mantine-color-${classificationColor[row.lane]}-5)` }} />
                      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                        {laneLabel[row.lane]}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {row.count}
                      </Text>
                    </Group>
                  ) : (
                    <SortableBoardCard card={row.card} onOpen={onOpen} onClassify={onClassify} />
                  )}
                </div>
              );
            })}
          </SortableContext>
          {cards.length === 0 && (
            <Text size="xs" c="dimmed" ta="center" pt="lg">
              Drop cards here
            </Text>
          )}
        </div>
        {onLoadMore && (
          <Button variant="subtle" size="xs" fullWidth onClick={onLoadMore} loading={loadingMore} mt={4}>
            Show older ({column.count - cards.length} more)
          </Button>
        )}
      </div>
    </section>
  );
}

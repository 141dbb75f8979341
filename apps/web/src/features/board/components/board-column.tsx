import { Badge, Button, Group, Text } from '@mantine/core';
import { LazyTooltip } from '../../../components/lazy-tooltip';
import { memo, useMemo } from 'react';
import type { BoardColumn as Column, Card } from '@altitude/shared/requests';
import { statusLabel } from '../../../lib/format';
import { laneOf, lanes } from '../lanes';
import type { CardKeys } from './board-card';
import { LaneCell } from './lane-cell';
import classes from './board-column.module.css';

interface Props extends CardKeys {
  column: Column;
  cards: Card[];
  /** A filter is on: the WIP counter says how many are shown of the column's real count. */
  filtered: boolean;
  tabStopId: number | null;
  /** The card picked up, if any. */
  dragging: Card | null;
  /**
   * False while the board's first render has not reached this column yet: its header, lane counts
   * and footer show, its cards follow a moment later (BoardPage renders the columns one by one).
   */
  rendered?: boolean;
  onLoadMore?: () => void;
  loadingMore?: boolean;
}

const none: Card[] = [];

/**
 * One workflow column: its header, then one cell per lane band. The column is a subgrid of the
 * board's rows, so every lane lines up across columns as one horizontal band. Memoised: the page
 * renders once per column while the board first loads, and a column whose props stay skips it.
 */
export const BoardColumn = memo(function BoardColumn({
  column,
  cards,
  filtered,
  tabStopId,
  dragging,
  rendered = true,
  onLoadMore,
  loadingMore,
  ...keys
}: Props) {
  const byLane = useMemo(
    () => Object.fromEntries(lanes.map((l) => [l, rendered ? cards.filter((c) => laneOf(c) === l) : none])),
    [cards, rendered],
  );
  // The WIP limit measures the column's real size, whatever the filters show.
  const over = column.wipLimit !== null && column.total > column.wipLimit;
  const limit = column.wipLimit === null ? '' : filtered ? ` · limit ${column.wipLimit}` : ` / ${column.wipLimit}`;

  return (
    <section className={classes.column} aria-label={`${statusLabel[column.status]} column`} data-testid={`column-${column.status}`}>
      <Group justify="space-between" className={classes.header} gap={4}>
        <Text fw={600} size="sm">
          {statusLabel[column.status]}
        </Text>
        <LazyTooltip
          label={
            column.wipLimit === null ? 'No WIP limit' : over ? `Over the WIP limit of ${column.wipLimit}` : `WIP limit ${column.wipLimit}`
          }
        >
          <Badge
            variant={over ? 'filled' : 'light'}
            color={over ? 'red' : 'gray'}
            radius="sm"
            tt="none"
            className={classes.wip}
            data-testid={`wip-${column.status}`}
          >
            {filtered ? `${column.count} shown of ${column.total}` : column.count}
            {limit}
          </Badge>
        </LazyTooltip>
      </Group>
      {lanes.map((lane) => (
        <LaneCell
          key={lane}
          status={column.status}
          lane={lane}
          cards={byLane[lane]!}
          count={column.laneCounts[lane]}
          tabStopId={tabStopId}
          dragging={dragging}
          {...keys}
        />
      ))}
      <div className={classes.footer}>
        {onLoadMore && (
          <Button variant="subtle" size="xs" fullWidth onClick={onLoadMore} loading={loadingMore}>
            Show older ({column.count - cards.length} more)
          </Button>
        )}
      </div>
    </section>
  );
});

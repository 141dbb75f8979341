import { Text } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import {
  defaultRangeExtractor,
  elementScroll,
  observeElementRect,
  useVirtualizer,
  type Range,
  type Virtualizer,
} from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Status } from '@altitude/shared/domain';
import type { Card } from '@altitude/shared/requests';
import { classificationColor } from '../../../lib/format';
import { laneLabel, laneOf, type Lane } from '../lanes';
import { SortableBoardCard, type CardKeys } from './board-card';
import classes from './board-column.module.css';

interface Props extends CardKeys {
  status: Status;
  lane: Lane;
  /** The lane's cards in display order. */
  cards: Card[];
  /** How many cards of the lane the column holds (a closed column ships one page of them). */
  count: number;
  /** The card holding the board's one tab stop. */
  tabStopId: number | null;
  /** The card picked up, if any (from the page's drag start, so a keyboard step does not re-render every cell). */
  dragging: Card | null;
}

type CellVirtualizer = Virtualizer<HTMLDivElement, Element>;

/**
 * The cell's size for the virtualizer, as the library's own observer gives it but without reading
 * it when the cell mounts: that read (and the scroll to 0 below) forced a layout of the whole
 * board inside React's commit, one long task with the first cards' render. The ResizeObserver's
 * first report, after the browser's own layout, gives the size; until then `initialRect` stands.
 */
const observeCellRect = (instance: CellVirtualizer, cb: (rect: { width: number; height: number }) => void) => {
  const element = instance.scrollElement;
  const Observer = instance.targetWindow?.ResizeObserver;
  if (!element || !Observer) return observeElementRect(instance, cb);
  const observer = new Observer(() => cb({ width: element.clientWidth, height: element.clientHeight }));
  observer.observe(element, { box: 'content-box' });
  return () => observer.unobserve(element);
};

/**
 * A row's height for the virtualizer: the ResizeObserver's report (read after the browser's own
 * layout), never the element's offsetHeight. The library reads that when a row mounts, which
 * forced a layout of the whole board inside React's commit: 20 ms and more of the first cards'
 * commit, one long task. Until its report, a row keeps the height it had (or the estimate); the
 * observer reports every row it starts observing, in the same frame, before paint.
 */
const measureRow = (element: Element, entry: ResizeObserverEntry | undefined, instance: CellVirtualizer) => {
  const box = entry?.borderBoxSize?.[0];
  if (box) return Math.round(box.blockSize);
  const index = instance.indexFromElement(element);
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index);
};

/** Scrolls the cell, except to the top while it has never left it (the mount's scroll to 0, which forced a layout). */
const scrollCell = (offset: number, options: { adjustments?: number; behavior?: ScrollBehavior }, instance: CellVirtualizer) => {
  if (offset + (options.adjustments ?? 0) === 0 && !instance.scrollOffset) return;
  elementScroll(offset, options, instance);
};

/**
 * One column's cell of a lane band: a droppable of its own (for a lane with no cards yet), a
 * sortable list, virtualised so thousands of cards stay light.
 */
export function LaneCell({ status, lane, cards, count, tabStopId, dragging, ...keys }: Props) {
  // A card stays in its lane: while one is dragged, other lanes take no drop (nor a keyboard step).
  const otherLane = dragging !== null && laneOf(dragging) !== lane;
  const { setNodeRef } = useDroppable({ id: `lane:${status}:${lane}`, data: { status, lane }, disabled: otherLane });
  const scrollRef = useRef<HTMLDivElement>(null);
  const ids = useMemo(() => cards.map((c) => c.id), [cards]);
  // The picked-up card stays mounted however far its lane scrolls: dnd-kit reads its node and
  // sortable data at every keyboard step, and a step stalled once the virtual window left it.
  const activeIndex = dragging ? ids.indexOf(dragging.id) : -1;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return activeIndex < 0 || indexes.includes(activeIndex) ? indexes : [...indexes, activeIndex].sort((a, b) => a - b);
    },
    [activeIndex],
  );
  const virtualizer = useVirtualizer({
    rangeExtractor,
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 118,
    // The cell's height before it is measured (its CSS max-height), so the first render already
    // holds the rows the screen shows and measuring the cell after mount changes nothing.
    initialRect: { width: 0, height: Math.min(window.innerHeight * 0.6, 560) },
    // The same few rows beyond the view while a card is dragged: each row mounted is one more
    // sortable that dnd-kit re-renders several times per keyboard step, and a row that mounts
    // as the lane scrolls is measured alone (patches/README.md), so mounting more ahead of time
    // made every step slower instead of sparing one.
    overscan: 3,
    // Measuring rows must not force a synchronous React render in the middle of a drag.
    useFlushSync: false,
    getItemKey: (i) => cards[i]!.id,
    observeElementRect: observeCellRect,
    scrollToFn: scrollCell,
    measureElement: measureRow,
  });
  // Focus moved by key to a card scrolled out of the cell: bring it in, so it mounts and takes focus.
  const focusIndex = tabStopId === null ? -1 : ids.indexOf(tabStopId);
  useEffect(() => {
    if (focusIndex < 0) return;
    // In view already, top first (the board's first tab stop as it mounts, at the top of an
    // unscrolled cell), it needs no scroll. Asked anyway, the virtualiser read the cell's scroll
    // height, a layout forced in the middle of the board's first render (about 30 ms, profiled),
    // and against the cell's size before its cards (48 px) it even scrolled the cell down, then back.
    const item = virtualizer.getVirtualItems().find((i) => i.index === focusIndex);
    const top = virtualizer.scrollOffset ?? 0;
    const height = (virtualizer.scrollRect ?? virtualizer.options.initialRect)?.height ?? 0;
    if (item && item.start >= top && (item.start === top || item.end <= top + height)) return;
    virtualizer.scrollToIndex(focusIndex, { align: 'auto' });
  }, [focusIndex, virtualizer]);

  // A cell whose cards overflow it must be reachable by Tab to be scrolled (WCAG 2.1.1; axe's
  // scrollable-region-focusable) unless it already holds the board's tab stop, the card arrows start from.
  const overflows = cards.length > 0 && virtualizer.getTotalSize() > (scrollRef.current?.clientHeight ?? 0);
  const holdsTabStop = tabStopId !== null && focusIndex >= 0;

  return (
    <div className={classes.cell} data-lane={lane}>
      <div className={classes.lane} data-testid={`lane-${lane}`}>
        <span className={classes.dot} style={{ background: `var(--mantine-color-${classificationColor[lane]}-5)` }} />
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          {laneLabel[lane]}
        </Text>
        <Text size="xs" c="dimmed" data-testid={`count-${lane}`}>
          {count}
        </Text>
      </div>
      <div
        ref={scrollRef}
        className={classes.scroll}
        {...(overflows && !holdsTabStop ? { tabIndex: 0, role: 'group', 'aria-label': `${laneLabel[lane]} cards, ${count}` } : {})}
      >
        <div ref={setNodeRef} className={classes.drop} style={{ height: virtualizer.getTotalSize() }}>
          <SortableContext id={`${status}:${lane}`} items={ids} strategy={verticalListSortingStrategy}>
            {virtualizer.getVirtualItems().map((item) => {
              const card = cards[item.index]!;
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className={classes.row}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <SortableBoardCard card={card} tabStop={card.id === tabStopId} otherLane={otherLane} {...keys} />
                </div>
              );
            })}
          </SortableContext>
        </div>
      </div>
    </div>
  );
}

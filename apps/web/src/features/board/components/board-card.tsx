import { Badge } from '@mantine/core';
import { memo, type KeyboardEvent } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Card } from '@altitude/shared/requests';
import { formatDate, formatMinutes, isOverdue } from '../../../lib/format';
import { ClassificationBadge } from '../../../components/badges';
import { LazyTooltip } from '../../../components/lazy-tooltip';
import { SlaBadge } from '../../../components/sla-badge';
import { cardSlaStates } from '../../../lib/service-level';
import { useCardLookup } from '../card-lookup';
import classes from './board-card.module.css';

/** What a card does with a pointer and with keys; the board page owns the rules. */
export interface CardKeys {
  onOpen: (id: number) => void;
  onClassify: (card: Card, classification: 'strategic' | 'tactical') => void;
  /** A key pressed on a card while none is picked up; true when the board handled it. */
  onCardKey: (card: Card, event: KeyboardEvent) => boolean;
  /** The card took focus (by key or pointer): it keeps the board's one tab stop. */
  onCardFocus: (id: number) => void;
}

interface Props extends CardKeys {
  card: Card;
  /** This card is the board's one tab stop (roving tabindex); the others are reached by arrows. */
  tabStop: boolean;
  /** Another lane's card is being dragged: this one is no drop target. */
  otherLane: boolean;
}

/**
 * Memoised: a re-render of its lane (a card added, the virtual window moved) leaves the cards whose
 * props did not change alone; dnd-kit's own context still reaches each one through useSortable.
 */
export const SortableBoardCard = memo(function SortableBoardCard({ card, tabStop, otherLane, onCardKey, onCardFocus, ...props }: Props) {
  const { onClassify } = props;
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: card.id,
    data: { card },
    disabled: { draggable: false, droppable: otherLane },
  });
  return (
    <div
      ref={setNodeRef}
      className={classes.slot}
      style={{ transform: CSS.Translate.toString(transform), transition, opacity: isDragging ? 0.35 : 1 }}
    >
      <div
        {...attributes}
        {...listeners}
        tabIndex={tabStop ? 0 : -1}
        className={classes.handle}
        data-card-id={card.id}
        aria-roledescription="Draggable card"
        // Named by the key and title it shows, so speech and sight agree.
        aria-labelledby={`card-${card.id}-key card-${card.id}-title`}
        aria-keyshortcuts="Enter Space A S T"
        onFocus={() => onCardFocus(card.id)}
        onKeyDown={(e) => {
          // Arrows, Enter, A, S and T belong to the board; Space (pick up, drop) to dnd-kit.
          if (onCardKey(card, e)) return;
          listeners?.onKeyDown?.(e);
        }}
      >
        <BoardCard card={card} onOpen={props.onOpen} />
      </div>
      {/* A sibling laid over the card, not a child: a button inside the draggable button would be unreachable to assistive tech. */}
      {confirmable(card) && <ConfirmClass card={card} onClassify={onClassify} />}
    </div>
  );
});

/**
 * The one-click confirmation laid over a card. Memoised apart from the sortable wrapper: dnd-kit
 * re-renders every wrapper several times per keyboard step.
 */
const ConfirmClass = memo(function ConfirmClass({ card, onClassify }: { card: Card; onClassify: CardKeys['onClassify'] }) {
  return (
    <LazyTooltip label={`Confirm ${card.classification} (key ${card.classification![0]!.toUpperCase()})`}>
      <Badge
        component="button"
        size="sm"
        variant="filled"
        color="dark"
        className={classes.confirm}
        aria-label={`Confirm ${card.classification} for ${card.key}`}
        onClick={() => onClassify(card, card.classification!)}
      >
        Confirm
      </Badge>
    </LazyTooltip>
  );
});

/** A class suggested by the type (not yet confirmed) can be confirmed in one click. */
export const confirmable = (card: Card) => card.classificationSuggested && card.classification !== null && card.status !== 'declined';

/**
 * Memoised: while a card is dragged, dnd-kit re-renders every sortable wrapper, not their contents.
 * Plain elements styled by board-card.module.css (the look of Mantine's Paper, Group, Text and
 * Avatar, from the theme's variables), not those components: a board's first load renders a
 * hundred cards or more, and Mantine's style props cost more than the card itself.
 */
export const BoardCard = memo(function BoardCard({
  card,
  onOpen,
  overlay = false,
}: {
  card: Card;
  onOpen: (id: number) => void;
  overlay?: boolean;
}) {
  const lookup = useCardLookup();
  const overdue = isOverdue(card.dueDate, card.status);
  const assignee = lookup.user(card.assigneeId);
  // Only the states that ask for attention: a board of "On track" badges says nothing.
  const sla = card.slaState && cardSlaStates.includes(card.slaState) ? card.slaState : null;
  const requester = card.waitingOn === 'requester' ? lookup.user(card.requesterId) : undefined;
  return (
    <div className={classes.card} data-overlay={overlay || undefined} onClick={() => onOpen(card.id)} data-testid={`card-${card.id}`}>
      {/* Room on the right for the Confirm button laid over the card. */}
      <div className={classes.top} data-confirm={(!overlay && confirmable(card)) || undefined}>
        <p className={`${classes.xs} ${classes.dimmed} ${classes.key}`} id={overlay ? undefined : `card-${card.id}-key`}>
          {card.key}
        </p>
        <div className={classes.row}>
          {sla && <SlaBadge state={sla} size="xs" />}
          {card.priority === 'urgent' || card.priority === 'high' ? (
            <Badge size="xs" color={card.priority === 'urgent' ? 'red' : 'orange'} variant="light">
              {card.priority}
            </Badge>
          ) : null}
        </div>
      </div>
      <p className={`${classes.sm} ${classes.title}`} id={overlay ? undefined : `card-${card.id}-title`}>
        {card.title}
      </p>
      <p className={`${classes.xs} ${classes.dimmed} ${classes.line} ${classes.truncate}`}>
        {lookup.type(card.typeId)?.name} · {lookup.department(card.departmentId)?.name}
      </p>
      {card.waitingOn === 'requester' && (
        <p className={`${classes.xs} ${classes.waiting} ${classes.line} ${classes.truncate}`}>
          Waiting on {requester?.name ?? 'the requester'}
        </p>
      )}
      <div className={classes.bottom}>
        {/* The class never shrinks to "STRATE…": the due date beside it wraps instead. */}
        <div className={`${classes.row} ${classes.class}`}>
          <ClassificationBadge classification={card.classification} suggested={card.classificationSuggested} />
        </div>
        <div className={`${classes.row} ${classes.dates}`}>
          {card.dueDate && (
            <p
              className={`${classes.xs} ${overdue ? classes.overdue : classes.dimmed}`}
              title={overdue ? 'Overdue: the requester needed it by then' : 'Needed by'}
            >
              {overdue ? 'Overdue · ' : ''}
              {formatDate(card.dueDate)}
            </p>
          )}
          {card.plannedFor && (
            <p className={`${classes.xs} ${classes.dimmed} ${classes.nowrap}`} title="Planned for">
              Plan {formatDate(card.plannedFor)}
            </p>
          )}
          {assignee && (
            <LazyTooltip label={assignee.name}>
              <span className={classes.avatar}>{assignee.name.slice(0, 1)}</span>
            </LazyTooltip>
          )}
        </div>
      </div>
      {(card.loggedMinutes > 0 || card.estimateMinutes) && (
        <p className={`${classes.xs} ${classes.dimmed} ${classes.logged}`}>
          {formatMinutes(card.loggedMinutes)}
          {card.estimateMinutes ? ` / ${formatMinutes(card.estimateMinutes)}` : ''} logged
        </p>
      )}
    </div>
  );
});

import { Avatar, Badge, Group, Paper, Text, Tooltip } from '@mantine/core';
import { memo } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Card } from '@altitude/shared/requests';
import { useLookup } from '../../../lib/directory';
import { formatDate, formatMinutes, isOverdue } from '../../../lib/format';
import { ClassificationBadge } from '../../../components/badges';
import { SlaBadge } from '../../../components/sla-badge';
import { cardSlaStates } from '../../../lib/service-level';
import classes from './board-card.module.css';

interface Props {
  card: Card;
  onOpen: (id: number) => void;
  onClassify: (card: Card, classification: 'strategic' | 'tactical') => void;
}

export function SortableBoardCard(props: Props) {
  const { card, onClassify } = props;
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: card.id,
    data: { card },
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
        aria-roledescription="Draggable card"
        // Named by the key and title it shows, so speech and sight agree.
        aria-labelledby={`card-${card.id}-key card-${card.id}-title`}
        onKeyDown={(e) => {
          // One key classifies the focused card: S strategic, T tactical. Space/Enter stay with dnd-kit.
          if (e.key === 's' || e.key === 't') {
            e.preventDefault();
            onClassify(card, e.key === 's' ? 'strategic' : 'tactical');
            return;
          }
          if (e.key === 'o') props.onOpen(card.id);
          listeners?.onKeyDown?.(e);
        }}
      >
        <BoardCard {...props} />
      </div>
      {/* A sibling laid over the card, not a child: a button inside the draggable button would be unreachable to assistive tech. */}
      {confirmable(card) && (
        <Tooltip label={`Confirm ${card.classification} (key ${card.classification![0]!.toUpperCase()})`}>
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
        </Tooltip>
      )}
    </div>
  );
}

/** A class suggested by the type (not yet confirmed) can be confirmed in one click. */
export const confirmable = (card: Card) => card.classificationSuggested && card.classification !== null && card.status !== 'declined';

/** Memoised: while a card is dragged, dnd-kit re-renders every sortable wrapper, not their contents. */
export const BoardCard = memo(function BoardCard({ card, onOpen, overlay = false }: Props & { overlay?: boolean }) {
  const lookup = useLookup();
  const overdue = isOverdue(card.dueDate, card.status);
  const assignee = lookup.user(card.assigneeId);
  // Only the states that ask for attention: a board of "On track" badges says nothing.
  const sla = card.slaState && cardSlaStates.includes(card.slaState) ? card.slaState : null;
  const requester = card.waitingOn === 'requester' ? lookup.user(card.requesterId) : undefined;
  return (
    <Paper
      className={classes.card}
      data-overlay={overlay || undefined}
      withBorder
      radius="md"
      p="xs"
      onClick={() => onOpen(card.id)}
      data-testid={`card-${card.id}`}
    >
      {/* Room on the right for the Confirm button laid over the card. */}
      <Group justify="space-between" gap={4} wrap="nowrap" pr={!overlay && confirmable(card) ? 72 : 0}>
        <Text size="xs" c="dimmed" ff="monospace" id={overlay ? undefined : `card-${card.id}-key`}>
          {card.key}
        </Text>
        <Group gap={4} wrap="nowrap">
          {sla && <SlaBadge state={sla} size="xs" />}
          {card.priority === 'urgent' || card.priority === 'high' ? (
            <Badge size="xs" color={card.priority === 'urgent' ? 'red' : 'orange'} variant="light">
              {card.priority}
            </Badge>
          ) : null}
        </Group>
      </Group>
      <Text size="sm" fw={500} lineClamp={2} mt={2} className={classes.title} id={overlay ? undefined : `card-${card.id}-title`}>
        {card.title}
      </Text>
      <Text size="xs" c="dimmed" mt={2} truncate>
        {lookup.type(card.typeId)?.name} · {lookup.department(card.departmentId)?.name}
      </Text>
      {card.waitingOn === 'requester' && (
        <Text size="xs" c="gray.8" mt={2} truncate>
          Waiting on {requester?.name ?? 'the requester'}
        </Text>
      )}
      <Group gap={6} mt={6} justify="space-between" wrap="nowrap">
        {/* The class never shrinks to "STRATE…": the due date beside it wraps instead. */}
        <Group gap={4} wrap="nowrap" className={classes.class}>
          <ClassificationBadge classification={card.classification} suggested={card.classificationSuggested} />
        </Group>
        <Group gap={6} wrap="nowrap">
          {card.dueDate && (
            <Text
              size="xs"
              c={overdue ? 'red.7' : 'dimmed'}
              fw={overdue ? 600 : 400}
              title={overdue ? 'Overdue: the requester needed it by then' : 'Needed by'}
            >
              {overdue ? 'Overdue · ' : ''}
              {formatDate(card.dueDate)}
            </Text>
          )}
          {card.plannedFor && (
            <Text size="xs" c="dimmed" title="Planned for" style={{ whiteSpace: 'nowrap' }}>
              Plan {formatDate(card.plannedFor)}
            </Text>
          )}
          {assignee && (
            <Tooltip label={assignee.name}>
              <Avatar size={20} radius="xl" color="indigo">
                {assignee.name.slice(0, 1)}
              </Avatar>
            </Tooltip>
          )}
        </Group>
      </Group>
      {(card.loggedMinutes > 0 || card.estimateMinutes) && (
        <Text size="xs" c="dimmed" mt={4}>
          {formatMinutes(card.loggedMinutes)}
          {card.estimateMinutes ? ` / ${formatMinutes(card.estimateMinutes)}` : ''} logged
        </Text>
      )}
    </Paper>
  );
});

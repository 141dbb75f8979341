import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Card } from '@altitude/shared/requests';
import { StatusBadge } from '../../../components/badges';
import { SlaBadge } from '../../../components/sla-badge';
import { useLookup } from '../../../lib/directory';
import { formatDate, formatRelative, isOverdue } from '../../../lib/format';
import classes from './request-cards.module.css';

/** My requests at phone width: one card per request, its status first and whole, then what and when. */
export function RequestCards({ requests }: { requests: Card[] }) {
  const lookup = useLookup();
  return (
    <Stack component="ul" gap={0} className={classes.list}>
      {requests.map((r) => (
        <Paper component="li" key={r.id} p="md" radius={0} className={classes.item}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Group gap={6} wrap="wrap">
              <StatusBadge status={r.status} resolution={r.resolution} />
              {r.slaState ? <SlaBadge state={r.slaState} /> : null}
              {r.waitingOn === 'requester' && (
                <Badge color="orange.9" variant="outline">
                  Needs your answer
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {formatRelative(r.updatedAt)}
            </Text>
          </Group>
          <Anchor component={Link} to={`/requests/${r.id}`} fw={500} size="sm" mt={6} display="block" className={classes.title}>
            <Text span c="dimmed" size="xs" mr={6} ff="monospace">
              {r.key}
            </Text>
            {r.title}
          </Anchor>
          <Text size="xs" c="dimmed" mt={4}>
            {lookup.type(r.typeId)?.name}
            {r.assigneeId ? ` · ${lookup.user(r.assigneeId)?.name ?? ''}` : ' · not yet assigned'}
          </Text>
          {/* Two dates, never merged: the one the requester asked for, and the one marketing committed to. */}
          <Group gap="md" mt={4}>
            <Text size="xs" c={isOverdue(r.dueDate, r.status) ? 'red.7' : 'dimmed'}>
              Needed by {formatDate(r.dueDate)}
            </Text>
            {r.expectedBy && !['done', 'declined'].includes(r.status) ? (
              <Text size="xs" c="dimmed">
                Expected by {formatDate(r.expectedBy)}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed">
              {r.status === 'done'
                ? `Delivered ${formatDate(r.completedAt)}`
                : r.status === 'declined'
                  ? ''
                  : r.plannedFor
                    ? `Planned for ${formatDate(r.plannedFor)}`
                    : 'Not yet planned'}
            </Text>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

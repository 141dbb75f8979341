import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { isOpenStatus } from '@altitude/shared/domain';
import { formatDuration } from '@altitude/shared/duration';
import type { Request } from '@altitude/shared/requests';
import { dayAndMonth } from '@altitude/shared/reserve-trade-off';
import { ApiError } from '../../../lib/api-client';
import { useLookup } from '../../../lib/directory';
import { useAcceptReserveOverride } from '../api/accept-reserve-override';
import { useTradeOff } from '../api/get-trade-off';

export interface TradeOffAlertProps {
  request: Request;
  /** Sets the request's assignee (the drawer's own edit, with its conflict handling). */
  assign: (userId: number) => void;
  /** Sets the request's planned-for date. */
  planFor: (date: string) => void;
  /** Opens the drawer's hand-back flow (resolution handed back, with its note). */
  handBack: () => void;
}

/**
 * The trade-off at triage: when an open request is tactical and has an assignee, what it does to
 * their strategic reserve, with the ways out (someone with room, a later date, hand back) and
 * "Accept anyway", which is recorded. Nothing shows when no reserve is taken.
 */
export function TradeOffAlert({ request, assign, planFor, handBack }: TradeOffAlertProps) {
  const lookup = useLookup();
  const relevant = request.classification === 'tactical' && request.assigneeId !== null && isOpenStatus(request.status);
  const { data, refetch } = useTradeOff(
    request.id,
    relevant ? { assigneeId: request.assigneeId!, classification: 'tactical', version: request.version } : null,
  );
  const accept = useAcceptReserveOverride(request.id);
  const [accepted, setAccepted] = useState<{ assigneeId: number; minutes: number } | null>(null);
  if (!relevant) return null;

  const firstName = lookup.user(request.assigneeId)?.name.split(' ')[0] ?? 'the assignee';
  if (accepted && accepted.assigneeId === request.assigneeId)
    return (
      <Alert color="gray" title="Strategic reserve">
        Accepted: takes {formatDuration(accepted.minutes)} of {firstName}&apos;s reserve
      </Alert>
    );
  if (!data || data.reserveTakenMinutes === 0 || data.assigneeId !== request.assigneeId) return null;

  const onAccept = () =>
    accept.mutate(
      { assigneeId: data.assigneeId! },
      {
        onSuccess: (override) => setAccepted({ assigneeId: override.assigneeId, minutes: override.reserveMinutes }),
        onError: (error) => {
          if (error instanceof ApiError && error.problem.code === 'reserve_override.already_accepted') {
            setAccepted({ assigneeId: data.assigneeId!, minutes: data.reserveTakenMinutes });
          } else if (error instanceof ApiError && error.status === 409) {
            // The weeks changed since the warning was read: show them as they are now.
            void refetch();
            notifications.show({ color: 'orange', title: 'Changed by someone else', message: error.message });
          } else {
            notifications.show({ color: 'red', title: 'Not saved', message: error.message });
          }
        },
      },
    );

  return (
    <Alert color="orange" title="Takes strategic reserve">
      <Text size="sm">{data.message}</Text>
      <Group gap="xs" mt="sm">
        {data.alternatives.map((a) => (
          <Button key={a.userId} size="xs" variant="light" onClick={() => assign(a.userId)}>
            Assign to {a.name} instead
          </Button>
        ))}
        {data.laterDate && (
          <Button size="xs" variant="light" onClick={() => planFor(data.laterDate!)}>
            Plan for {dayAndMonth(data.laterDate)} instead
          </Button>
        )}
        <Button size="xs" variant="light" color="gray" onClick={handBack}>
          Hand back
        </Button>
        <Button size="xs" color="orange" loading={accept.isPending} onClick={onAccept}>
          Accept anyway
        </Button>
      </Group>
    </Alert>
  );
}

import { Group, Stack, Text } from '@mantine/core';
import type { Request } from '@altitude/shared/requests';
import { useLookup } from '../../../lib/directory';
import { formatDate, formatMinutes, formatWeekdayDate, isOverdue, priorityLabel } from '../../../lib/format';
import { ClassificationBadge, StatusBadge } from '../../../components/badges';
import { SlaBadge } from '../../../components/sla-badge';
import { WaitingOn } from './waiting-on';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <div style={{ textAlign: 'right' }}>{children}</div>
    </Group>
  );
}

export function RequestFacts({ request }: { request: Request }) {
  const lookup = useLookup();
  return (
    <Stack gap={10}>
      <Fact label="Status">
        <StatusBadge status={request.status} resolution={request.resolution} />
      </Fact>
      <WaitingOn request={request} />
      <Fact label="Class">
        <ClassificationBadge classification={request.classification} suggested={request.classificationSuggested} />
      </Fact>
      <Fact label="Type">
        <Text size="sm">{lookup.type(request.typeId)?.name}</Text>
      </Fact>
      <Fact label="Requested by">
        <Text size="sm">
          {lookup.user(request.requesterId)?.name} · {lookup.department(request.departmentId)?.name}
        </Text>
      </Fact>
      <Fact label="Needed by">
        <Text size="sm" c={isOverdue(request.dueDate, request.status) ? 'red.7' : undefined}>
          {formatDate(request.dueDate)}
          {request.rush ? ' · rush' : ''}
        </Text>
      </Fact>
      {/* The type's business-day turnaround, fixed at filing: what marketing promised, whatever the requester asked. */}
      <Fact label="Expected by">
        <Text size="sm">{request.expectedBy ? formatWeekdayDate(request.expectedBy) : '—'}</Text>
      </Fact>
      {request.slaState && (
        <Fact label="Service level">
          <SlaBadge state={request.slaState} />
        </Fact>
      )}
      {/* The requester's date is a wish; this is the date marketing committed to, a dash until it plans the work. */}
      <Fact label="Planned for">
        <Text size="sm">{formatDate(request.plannedFor)}</Text>
      </Fact>
      <Fact label="Priority">
        <Text size="sm">{priorityLabel[request.priority]}</Text>
      </Fact>
      <Fact label="Assignee">
        <Text size="sm">{lookup.user(request.assigneeId)?.name ?? '—'}</Text>
      </Fact>
      <Fact label="Time">
        <Text size="sm">
          {formatMinutes(request.loggedMinutes)}
          {request.estimateMinutes ? ` of ${formatMinutes(request.estimateMinutes)}` : ''}
        </Text>
      </Fact>
      {request.classificationNote && (
        <Text size="xs" c="dimmed">
          Note: {request.classificationNote}
        </Text>
      )}
    </Stack>
  );
}

import { Text, Timeline } from '@mantine/core';
import type { ActivityEntry } from '@altitude/shared/activity';
import type { Status } from '@altitude/shared/domain';
import { useLookup } from '../../../lib/directory';
import { formatMinutes, formatRelative, statusLabel } from '../../../lib/format';
import { useActivity } from '../api/list-activity';

type Lookup = ReturnType<typeof useLookup>;

/** One plain sentence per change: who did what, from what to what. */
function describe(a: ActivityEntry, lookup: Lookup): string {
  const status = (s: string | null) => (s ? (statusLabel[s as Status] ?? s) : '—');
  switch (a.kind) {
    case 'created':
      return 'filed the request';
    case 'moved':
      return `moved it from ${status(a.from)} to ${status(a.to)}`;
    case 'reordered':
      return 'reordered it in its column';
    case 'reclassified_after_start':
      return `reclassified it from ${a.from} to ${a.to} after work had started`;
    case 'classified':
      return a.from ? `reclassified it from ${a.from} to ${a.to}` : `classified it as ${a.to}`;
    case 'assigned':
      return a.to ? `assigned it to ${lookup.user(Number(a.to))?.name ?? 'someone'}` : 'unassigned it';
    case 'estimated':
      return a.to ? `estimated it at ${formatMinutes(Number(a.to))}` : 'removed the estimate';
    case 'time_logged':
      return `logged ${formatMinutes(Number(a.to))}`;
    // Corrections carry their text ("1h 15m on 2026-11-20"); a note change carries the notes.
    case 'time_edited':
      if (a.field === 'note') return a.to ? `changed a time entry's note to "${a.to}"` : "removed a time entry's note";
      return `corrected logged time from ${a.from} to ${a.to}`;
    case 'time_deleted':
      return `deleted logged time (${a.from})`;
    case 'commented':
      return 'commented';
    case 'declined':
      return 'declined it';
    case 'handed_back':
      return 'handed it back to self-serve';
    case 'cancelled':
      return 'cancelled it';
    // The texts are in the conversation; the history says who asked and who answered, and when.
    case 'needs_info':
      return 'asked the requester for information (the clock paused)';
    case 'answered':
      return "answered marketing's question (the clock resumed)";
    case 'followed':
      return a.to === 'intake' ? 'followed it instead of filing a similar request' : 'followed it';
    case 'unfollowed':
      return 'stopped following it';
    // "Accept anyway" at triage: `from` is the assignee, `to` the reserve minutes taken.
    case 'reserve_override':
      return `accepted that it takes ${formatMinutes(Number(a.to))} of ${lookup.user(Number(a.from))?.name ?? 'the assignee'}'s strategic reserve`;
    case 'file_added':
      return a.field === 'deliverable' ? `delivered file ${a.to}` : `attached file ${a.to}`;
    case 'file_removed':
      return `removed file ${a.from}`;
    // The initiative's name as it read then.
    case 'linked':
      return a.from ? `moved it from the initiative "${a.from}" to "${a.to}"` : `linked it to the initiative "${a.to}"`;
    case 'unlinked':
      return `unlinked it from the initiative "${a.from}"`;
    default:
      // Answers, like the brief, are not copied into the history.
      if (a.field === 'fields') return "changed the answers to the type's questions";
      return a.field
        ? `changed ${a.field.replace(/([A-Z])/g, ' $1').toLowerCase()}${a.to && a.field !== 'brief' ? ` to "${a.to}"` : ''}`
        : a.kind;
  }
}

export function ActivityTimeline({ requestId }: { requestId: number }) {
  const { data } = useActivity(requestId);
  const lookup = useLookup();
  if (!data) return null;
  const items = [...data.items].reverse();
  return (
    <Timeline bulletSize={10} lineWidth={2} aria-label="Activity">
      {items.map((a) => (
        <Timeline.Item key={a.id}>
          <Text size="sm">
            <b>{lookup.user(a.actorId)?.name ?? 'Someone'}</b> {describe(a, lookup)}
          </Text>
          <Text size="xs" c="dimmed">
            {formatRelative(a.createdAt)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

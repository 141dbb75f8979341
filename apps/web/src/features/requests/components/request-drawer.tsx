import { Alert, Anchor, Button, Divider, Drawer, Group, Loader, Select, SimpleGrid, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { priorities, statuses, type Classification, type Status } from '@altitude/shared/domain';
import type { Request, UpdateRequestBody } from '@altitude/shared/requests';
import { useLookup } from '../../../lib/directory';
import { priorityLabel, statusLabel } from '../../../lib/format';
import { ClassificationBadge, StatusBadge } from '../../../components/badges';
import { useClassifyRequest } from '../api/classify-request';
import { requestQuery, useRequest } from '../api/get-request';
import { useMoveRequest } from '../api/move-request';
import { useUpdateRequest } from '../api/update-request';
import { ActivityTimeline } from './activity-timeline';
import { AskRequester } from './ask-requester';
import { ClassificationPicker } from './classification-picker';
import { CommentThread } from './comment-thread';
import { useConflictNotice } from './conflict-notice';
import { DeclineModal } from './decline-modal';
import { EditableBrief, EditableTitle } from './inline-editors';
import { EstimateInput } from './estimate-input';
import { IntakeAnswers } from './intake-answers';
import { ServiceLevelLine } from './service-level-line';
import { TimeLog } from './time-log';
import classes from './request-drawer.module.css';

/** What the drawer offers a piece composed into it (app/ passes one): the request and the drawer's own edits. */
export interface DrawerActions {
  request: Request;
  assign: (userId: number) => void;
  planFor: (date: string) => void;
  handBack: () => void;
}

/**
 * Planning fields other features add to a request (the initiative), composed in by app/: given the
 * request and `save`, which edits it with its version and handles a conflict like every field here.
 */
export type RenderPlanning = (request: Request, save: (fields: Omit<UpdateRequestBody, 'version'>) => void) => ReactNode;

interface DrawerProps {
  id: number | null;
  onClose: () => void;
  /** Shown below the planning fields: the trade-off at triage, from its own feature. */
  renderTradeOff?: (actions: DrawerActions) => ReactNode;
  /** The card's files tab (features/attachments, composed in app/). */
  renderFiles?: (request: Request) => ReactNode;
  renderPlanning?: RenderPlanning;
}

/** A request in a side drawer, opened from the board: edit it, log time, comment, read its history. */
export function RequestDrawer({ id, onClose, renderTradeOff, renderFiles, renderPlanning }: DrawerProps) {
  // The dialog is named after its card (the body's own header shows the same key and title).
  const { data: request } = useQuery({ ...requestQuery(id ?? 0), enabled: id !== null });
  return (
    <Drawer.Root opened={id !== null} onClose={onClose} position="right" size={560} padding="lg">
      <Drawer.Overlay />
      <Drawer.Content aria-label={request ? `${request.key} ${request.title}` : 'Request'}>
        <Drawer.Body>
          {id !== null && (
            <DrawerBody
              id={id}
              onClose={onClose}
              renderTradeOff={renderTradeOff}
              renderFiles={renderFiles}
              renderPlanning={renderPlanning}
            />
          )}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}

function DrawerBody({ id, onClose, renderTradeOff, renderFiles, renderPlanning }: DrawerProps & { id: number }) {
  const { data: request, error } = useRequest(id);
  const lookup = useLookup();
  const update = useUpdateRequest(id);
  const classify = useClassifyRequest(id);
  const move = useMoveRequest();
  const onConflict = useConflictNotice();
  const [declineMode, setDeclineMode] = useState<'declined' | 'handed_back' | null>(null);

  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!request) return <Loader />;

  const save = (fields: Omit<UpdateRequestBody, 'version'>) =>
    update.mutate({ version: request.version, ...fields }, { onError: (e) => onConflict(e, id) });
  const setClass = (classification: Classification, note?: string) =>
    classify.mutate({ classification, version: request.version, ...(note ? { note } : {}) }, { onError: (e) => onConflict(e, id) });
  const marketers = lookup.users.filter((u) => u.role !== 'requester' && u.active);

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text size="sm" c="dimmed" ff="monospace">
              {request.key}
            </Text>
            <StatusBadge status={request.status} resolution={request.resolution} />
            <ClassificationBadge classification={request.classification} suggested={request.classificationSuggested} />
          </Group>
          <EditableTitle key={request.version} value={request.title} onSave={(title) => save({ title })} />
          <Text size="xs" c="dimmed">
            {lookup.type(request.typeId)?.name} · requested by {lookup.user(request.requesterId)?.name} (
            {lookup.department(request.departmentId)?.name}) ·{' '}
            <Anchor component={Link} to={`/requests/${request.id}`} size="xs">
              full page
            </Anchor>
          </Text>
        </div>
        <Button variant="subtle" color="gray" onClick={onClose} aria-label="Close card">
          ✕
        </Button>
      </Group>
      <ServiceLevelLine request={request} />

      <div>
        <Text size="sm" fw={500} mb={4}>
          Classification{' '}
          {request.classificationSuggested && (
            <Text span size="xs" c="dimmed">
              (suggested by the type, not yet confirmed: press S or T)
            </Text>
          )}
        </Text>
        <ClassificationPicker
          key={request.version}
          request={request}
          defaultClassification={lookup.type(request.typeId)?.defaultClassification ?? null}
          typeName={lookup.type(request.typeId)?.name ?? 'This type of'}
          busy={classify.isPending}
          onSave={setClass}
        />
      </div>

      <SimpleGrid cols={2} spacing="sm">
        <Select
          label="Assignee"
          placeholder="Unassigned"
          clearable
          data={marketers.map((u) => ({ value: String(u.id), label: u.name }))}
          value={request.assigneeId ? String(request.assigneeId) : null}
          onChange={(v) => save({ assigneeId: v ? Number(v) : null })}
        />
        <EstimateInput
          key={`estimate-${request.version}`}
          minutes={request.estimateMinutes}
          onSave={(estimateMinutes) => save({ estimateMinutes })}
        />
        <TextInput
          key={`due-${request.version}`}
          label="Needed by"
          description="The requester's date"
          type="date"
          defaultValue={request.dueDate ?? ''}
          onBlur={(e) => {
            const v = e.currentTarget.value || null;
            if (v !== request.dueDate) save({ dueDate: v });
          }}
        />
        <TextInput
          key={`planned-${request.version}`}
          label="Planned for"
          description="The date marketing commits to"
          type="date"
          defaultValue={request.plannedFor ?? ''}
          onBlur={(e) => {
            const v = e.currentTarget.value || null;
            if (v !== request.plannedFor) save({ plannedFor: v });
          }}
        />
        <Select
          label="Priority"
          data={priorities.map((p) => ({ value: p, label: priorityLabel[p] }))}
          value={request.priority}
          onChange={(v) => v && save({ priority: v as Request['priority'] })}
          allowDeselect={false}
        />
      </SimpleGrid>
      {renderPlanning?.(request, save)}

      {renderTradeOff?.({
        request,
        assign: (assigneeId) => save({ assigneeId }),
        planFor: (plannedFor) => save({ plannedFor }),
        handBack: () => setDeclineMode('handed_back'),
      })}

      <Select
        label="Column"
        description={
          request.status === 'intake' && request.classificationSuggested
            ? 'Confirm strategic or tactical above before it leaves intake.'
            : 'Moves the card to the end of that column; drag on the board to place it exactly.'
        }
        data={statuses.filter((s) => s !== 'declined').map((s) => ({ value: s, label: statusLabel[s] }))}
        value={request.status === 'declined' ? null : request.status}
        placeholder={statusLabel[request.status]}
        allowDeselect={false}
        onChange={(v) =>
          v &&
          v !== request.status &&
          move.mutate({ id, status: v as Status, version: request.version }, { onError: (e) => onConflict(e, id) })
        }
      />

      {request.status !== 'declined' && request.status !== 'done' && (
        <Group gap="xs">
          <Button size="xs" variant="light" color="orange" onClick={() => setDeclineMode('handed_back')}>
            Hand back to self-serve
          </Button>
          <Button size="xs" variant="light" color="red" onClick={() => setDeclineMode('declined')}>
            Decline
          </Button>
          <Text size="xs" c="dimmed">
            Now in {statusLabel[request.status]}
          </Text>
        </Group>
      )}

      <AskRequester request={request} />

      <Divider />
      <Tabs defaultValue="brief" keepMounted={false} classNames={{ tab: classes.tab }}>
        <Tabs.List>
          <Tabs.Tab value="brief">Brief</Tabs.Tab>
          <Tabs.Tab value="time">Time</Tabs.Tab>
          <Tabs.Tab value="comments">Comments</Tabs.Tab>
          {renderFiles && <Tabs.Tab value="files">Files</Tabs.Tab>}
          <Tabs.Tab value="activity">Activity</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="brief" pt="md">
          <EditableBrief key={request.version} request={request} onSave={(brief) => save({ brief })} />
          <IntakeAnswers request={request} mt="md" />
        </Tabs.Panel>
        <Tabs.Panel value="time" pt="md">
          <TimeLog requestId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="comments" pt="md">
          <CommentThread requestId={id} />
        </Tabs.Panel>
        {renderFiles && (
          <Tabs.Panel value="files" pt="md">
            {renderFiles(request)}
          </Tabs.Panel>
        )}
        <Tabs.Panel value="activity" pt="md">
          <ActivityTimeline requestId={id} />
        </Tabs.Panel>
      </Tabs>

      <DeclineModal
        mode={declineMode}
        cardKey={request.key}
        busy={move.isPending}
        onClose={() => setDeclineMode(null)}
        onConfirm={(note) =>
          move.mutate(
            { id, status: 'declined', version: request.version, note, resolution: declineMode ?? 'declined' },
            { onSuccess: () => setDeclineMode(null), onError: (e) => onConflict(e, id) },
          )
        }
      />
    </Stack>
  );
}

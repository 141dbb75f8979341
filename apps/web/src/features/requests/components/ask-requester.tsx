import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isOpenStatus } from '@altitude/shared/domain';
import { ConflictBody, type Request } from '@altitude/shared/requests';
import { ApiError } from '../../../lib/api-client';
import { useLookup } from '../../../lib/directory';
import { formatRelative } from '../../../lib/format';
import { queryKeys } from '../../../lib/query-keys';
import { useAskRequester } from '../api/ask-requester';
import { useNeedsInfo } from '../api/list-needs-info';
import { WaitingOn } from './waiting-on';

/**
 * Marketing's side of needs info, in the drawer: send the request back to its requester with a
 * question (the SLA clock pauses until they answer), and, while it waits, whom it waits on and
 * what was asked. One question at a time; a closed request has no clock to pause.
 */
export function AskRequester({ request }: { request: Request }) {
  const lookup = useLookup();
  const queryClient = useQueryClient();
  const ask = useAskRequester(request.id);
  const { data: rounds } = useNeedsInfo(request.id);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  const waiting = request.waitingOn === 'requester';
  const closed = !isOpenStatus(request.status);
  const pending = waiting ? rounds?.items.findLast((r) => r.answeredAt === null) : undefined;
  const error = ask.error instanceof ApiError ? (ask.error.fieldError('question') ?? ask.error.message) : ask.error?.message;

  const send = () => {
    if (!draft.trim()) return;
    // The draft stays until the server has the question, so nothing typed is lost.
    ask.mutate(
      { question: draft, version: request.version },
      {
        onSuccess: () => {
          setDraft('');
          setOpen(false);
        },
        onError: (e) => {
          // Stale: show the card as it now stands; the question stays in the box to send again.
          const conflict = e instanceof ApiError && e.status === 409 ? ConflictBody.safeParse(e.problem) : null;
          if (conflict?.success) queryClient.setQueryData(queryKeys.requests.detail(request.id), conflict.data.current);
        },
      },
    );
  };

  return (
    <Stack gap="xs">
      {waiting && (
        <Paper withBorder radius="md" p="sm" bg="orange.0">
          <WaitingOn request={request} />
          <Text size="xs" c="gray.8">
            The service-level clock is paused until they answer.
          </Text>
          {pending && (
            <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap' }}>
              <Text span size="xs" c="gray.8">
                {lookup.user(pending.askedById)?.name ?? 'Marketing'} asked {formatRelative(pending.askedAt)}:{' '}
              </Text>
              {pending.question}
            </Text>
          )}
        </Paper>
      )}
      {open && !waiting && !closed ? (
        <>
          <Textarea
            label="Question for the requester"
            description="They answer on the request page; the service-level clock pauses until they do."
            autosize
            minRows={2}
            maxLength={2000}
            data-autofocus
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            error={error}
          />
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button size="xs" onClick={send} loading={ask.isPending} disabled={!draft.trim()}>
              Send question
            </Button>
          </Group>
        </>
      ) : (
        <Group gap="xs">
          <Button size="xs" variant="light" disabled={waiting || closed} onClick={() => setOpen(true)}>
            Ask the requester
          </Button>
          {closed && (
            <Text size="xs" c="dimmed">
              Closed requests do not wait on their requester.
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}

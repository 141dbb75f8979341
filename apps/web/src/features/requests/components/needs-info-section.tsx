import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useId, useState } from 'react';
import type { Request } from '@altitude/shared/requests';
import { ApiError } from '../../../lib/api-client';
import { useLookup } from '../../../lib/directory';
import { formatRelative } from '../../../lib/format';
import { useCurrentUser } from '../../../lib/session';
import { useAnswerQuestion } from '../api/answer-question';
import { useNeedsInfo } from '../api/list-needs-info';

/**
 * The request page while marketing waits on the requester: the question, and for the requester's
 * side (the requester, or anyone of their department) one field to answer it. Once answered, the
 * section goes and the round stays in the conversation below, question and answer.
 */
export function NeedsInfoSection({ request }: { request: Request }) {
  const user = useCurrentUser();
  const lookup = useLookup();
  const headingId = useId();
  const { data } = useNeedsInfo(request.id);
  const answer = useAnswerQuestion(request.id);
  const [draft, setDraft] = useState('');
  if (request.waitingOn !== 'requester') return null;
  const pending = data?.items.findLast((r) => r.answeredAt === null);
  // Marketing asked, so marketing does not answer (the server refuses it too), unless it filed the request.
  const mayAnswer = user.role === 'requester' || user.id === request.requesterId;
  const error = answer.error instanceof ApiError ? (answer.error.fieldError('body') ?? answer.error.message) : answer.error?.message;

  const send = () => {
    if (!draft.trim()) return;
    answer.mutate(draft, { onSuccess: () => setDraft('') });
  };

  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      withBorder
      p="lg"
      radius="md"
      style={{ borderColor: 'var(--mantine-color-orange-5)' }}
    >
      <Stack gap="sm">
        <div>
          <Title order={4} id={headingId}>
            Marketing needs information
          </Title>
          {pending && (
            <Text size="xs" c="dimmed">
              {lookup.user(pending.askedById)?.name ?? 'Marketing'} asked {formatRelative(pending.askedAt)}. The service-level clock is
              paused until the answer arrives.
            </Text>
          )}
        </div>
        {pending && (
          <Paper bg="gray.0" p="sm" radius="sm">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {pending.question}
            </Text>
          </Paper>
        )}
        {mayAnswer ? (
          <>
            <Textarea
              label="Your answer"
              autosize
              minRows={3}
              maxLength={5000}
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
              error={error}
            />
            <Group justify="flex-end">
              <Button onClick={send} loading={answer.isPending} disabled={!draft.trim()}>
                Send answer
              </Button>
            </Group>
          </>
        ) : (
          <Alert color="gray" variant="light">
            The requester or someone of their department answers here; their answer appears in the comments.
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

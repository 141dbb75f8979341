import { Avatar, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { handleOf } from '@altitude/shared/mentions';
import { useLookup } from '../../../lib/directory';
import { ApiError } from '../../../lib/api-client';
import { formatRelative } from '../../../lib/format';
import { useAddComment } from '../api/add-comment';
import { useComments } from '../api/list-comments';
import { useNeedsInfo } from '../api/list-needs-info';
import { Markdown } from './markdown';
import { MentionTextarea } from './mention-textarea';

/** One message of the conversation: a comment, or a needs-info question or answer. */
interface Message {
  key: string;
  authorId: number | null;
  body: string;
  at: string;
  /** Set on needs-info messages, so they read as the round they are. */
  label?: 'Question' | 'Answer';
}

/**
 * The conversation on a request: comments, with answered needs-info rounds woven in at their
 * times (the question, then its answer), so the answer is read where the talk happens. A question
 * still open is not repeated here: the drawer and the request page show it where it is answered.
 */
function useConversation(requestId: number): Message[] | undefined {
  const { data: comments } = useComments(requestId);
  const { data: rounds } = useNeedsInfo(requestId);
  if (!comments) return undefined;
  const messages: Message[] = comments.items.map((c) => ({ key: `c${c.id}`, authorId: c.authorId, body: c.body, at: c.createdAt }));
  for (const r of rounds?.items ?? []) {
    if (r.answer === null || r.answeredAt === null) continue;
    messages.push({ key: `q${r.id}`, authorId: r.askedById, body: r.question, at: r.askedAt, label: 'Question' });
    messages.push({ key: `a${r.id}`, authorId: r.answeredById, body: r.answer, at: r.answeredAt, label: 'Answer' });
  }
  // ISO instants sort as text; a question and its answer keep their order at equal times.
  return messages.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export function CommentThread({ requestId }: { requestId: number }) {
  const messages = useConversation(requestId);
  const lookup = useLookup();
  // handle → name of everyone in the directory, so a known `@handle` is shown as that person.
  const people = useMemo(() => new Map(lookup.users.map((u) => [handleOf(u.email), u.name])), [lookup.users]);
  const add = useAddComment(requestId);
  const [draft, setDraft] = useState('');
  const error = add.error instanceof ApiError ? (add.error.fieldError('body') ?? add.error.message) : add.error?.message;

  const submit = () => {
    if (!draft.trim()) return;
    // The draft is cleared only once the server has the comment, so nothing typed is lost.
    add.mutate(draft, { onSuccess: () => setDraft('') });
  };

  return (
    <Stack gap="sm">
      {messages?.length === 0 && (
        <Text size="sm" c="dimmed">
          No comments yet.
        </Text>
      )}
      {messages?.map((m) => {
        const author = lookup.user(m.authorId);
        return (
          <Group key={m.key} align="flex-start" wrap="nowrap" gap="sm">
            <Avatar size="sm" radius="xl" color="indigo">
              {author?.name.slice(0, 1) ?? '?'}
            </Avatar>
            <Paper withBorder p="xs" radius="md" style={{ flex: 1, minWidth: 0 }} bg={m.label ? 'orange.0' : undefined}>
              <Group gap={6} mb={2}>
                <Text size="sm" fw={600}>
                  {author?.name ?? 'Someone'}
                </Text>
                {m.label && (
                  <Badge size="xs" variant="outline" color="orange.9">
                    {m.label}
                  </Badge>
                )}
                <Text size="xs" c="dimmed">
                  {formatRelative(m.at)}
                </Text>
              </Group>
              {/* Questions and answers are plain text; comments are Markdown. */}
              {m.label ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {m.body}
                </Text>
              ) : (
                <Markdown mentions={people}>{m.body}</Markdown>
              )}
            </Paper>
          </Group>
        );
      })}
      <MentionTextarea
        requestId={requestId}
        aria-label="New comment"
        placeholder="Write a comment (Markdown works; @name mentions someone)"
        autosize
        minRows={2}
        value={draft}
        onChange={setDraft}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit();
        }}
        error={error}
      />
      <Group justify="flex-end">
        <Button size="xs" onClick={submit} loading={add.isPending} disabled={!draft.trim()}>
          Comment
        </Button>
      </Group>
    </Stack>
  );
}

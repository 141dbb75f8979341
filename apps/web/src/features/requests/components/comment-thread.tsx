import { Avatar, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useLookup } from '../../../lib/directory';
import { ApiError } from '../../../lib/api-client';
import { formatRelative } from '../../../lib/format';
import { useAddComment } from '../api/add-comment';
import { useComments } from '../api/list-comments';
import { Markdown } from './markdown';

export function CommentThread({ requestId }: { requestId: number }) {
  const { data } = useComments(requestId);
  const lookup = useLookup();
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
      {data?.items.length === 0 && (
        <Text size="sm" c="dimmed">
          No comments yet.
        </Text>
      )}
      {data?.items.map((c) => {
        const author = lookup.user(c.authorId);
        return (
          <Group key={c.id} align="flex-start" wrap="nowrap" gap="sm">
            <Avatar size="sm" radius="xl" color="indigo">
              {author?.name.slice(0, 1) ?? '?'}
            </Avatar>
            <Paper withBorder p="xs" radius="md" style={{ flex: 1 }}>
              <Group gap={6} mb={2}>
                <Text size="sm" fw={600}>
                  {author?.name ?? 'Someone'}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatRelative(c.createdAt)}
                </Text>
              </Group>
              <Markdown>{c.body}</Markdown>
            </Paper>
          </Group>
        );
      })}
      <Textarea
        aria-label="New comment"
        placeholder="Write a comment (Markdown works)"
        autosize
        minRows={2}
        value={draft}
        onChange={(e) => setDraft(e.currentTarget.value)}
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

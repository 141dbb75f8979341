import { Button, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { Request } from '@altitude/shared/requests';
import { Markdown } from './markdown';

/*
 * The request drawer's edit-in-place fields. Each keeps its own draft, so the drawer remounts
 * them (key = the request's version) to pick up a newer card.
 */

export function EditableTitle({ value, onSave }: { value: string; onSave: (v: string) => void }) {
  const [draft, setDraft] = useState(value);
  return (
    <Title order={3} mt={4}>
      <TextInput
        aria-label="Title"
        variant="unstyled"
        size="lg"
        fw={650}
        value={draft}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={() => draft.trim() && draft !== value && onSave(draft.trim())}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        styles={{ input: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
      />
    </Title>
  );
}

export function EditableBrief({ request, onSave }: { request: Request; onSave: (v: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(request.brief);
  if (!editing) {
    return (
      <Stack gap="xs">
        {request.brief ? (
          <Markdown>{request.brief}</Markdown>
        ) : (
          <Text c="dimmed" size="sm">
            No brief.
          </Text>
        )}
        {(request.businessGoal || request.audience) && (
          <Text size="sm" c="dimmed">
            {request.businessGoal && <>Goal: {request.businessGoal}. </>}
            {request.audience && <>Audience: {request.audience}.</>}
          </Text>
        )}
        <Group>
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            Edit brief
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap="xs">
      <Textarea aria-label="Brief" autosize minRows={6} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} />
      <Group justify="flex-end">
        <Button size="xs" variant="default" onClick={() => setEditing(false)}>
          Cancel
        </Button>
        <Button
          size="xs"
          onClick={() => {
            onSave(draft);
            setEditing(false);
          }}
        >
          Save brief
        </Button>
      </Group>
    </Stack>
  );
}

import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Classification } from '@altitude/shared/domain';
import type { Card } from '@altitude/shared/requests';

interface Props {
  card: Card | null;
  targetLabel: string;
  busy: boolean;
  onChoose: (classification: Classification, note: string) => void;
  onCancel: () => void;
}

/** Asked right where a card was dropped: a card leaves intake only with a class. */
export function ClassifyPrompt({ card, targetLabel, busy, onChoose, onCancel }: Props) {
  const [note, setNote] = useState('');
  const suggested = card?.classification ?? null;
  return (
    <Modal opened={card !== null} onClose={onCancel} title={card ? `Classify ${card.key} before it moves to ${targetLabel}` : ''} centered>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          <b>Strategic</b>: builds long-term demand, brand or insight for the whole business. <b>Tactical</b>: serves one internal
          client&apos;s short-term need.
          {suggested && ` The request type suggests ${suggested}.`}
        </Text>
        <Textarea
          label="Note (optional)"
          placeholder="Why this class?"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group grow>
          <Button
            variant={suggested === 'strategic' ? 'filled' : 'light'}
            color="violet"
            onClick={() => onChoose('strategic', note)}
            loading={busy}
            data-autofocus={suggested === 'strategic' || undefined}
          >
            Strategic (S)
          </Button>
          <Button
            variant={suggested === 'tactical' ? 'filled' : 'light'}
            color="orange"
            onClick={() => onChoose('tactical', note)}
            loading={busy}
            data-autofocus={suggested === 'tactical' || undefined}
          >
            Tactical (T)
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';

interface Props {
  mode: 'declined' | 'handed_back' | null;
  cardKey: string;
  busy: boolean;
  onConfirm: (note: string) => void;
  onClose: () => void;
}

/** Declining or handing back always tells the requester why, and for a hand-back, how to self-serve. */
export function DeclineModal({ mode, cardKey, busy, onConfirm, onClose }: Props) {
  const [note, setNote] = useState('');
  const handBack = mode === 'handed_back';
  return (
    <Modal opened={mode !== null} onClose={onClose} title={handBack ? `Hand ${cardKey} back to self-serve` : `Decline ${cardKey}`} centered>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          The requester sees this note on their request.
        </Text>
        <Textarea
          label={handBack ? 'How can they do it themselves?' : 'Why is it declined?'}
          placeholder={handBack ? 'e.g. Use the event banner template in the sales kit: …' : 'e.g. Out of scope this quarter because …'}
          required
          autosize
          minRows={3}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep it
          </Button>
          <Button color={handBack ? 'orange' : 'red'} disabled={!note.trim()} loading={busy} onClick={() => onConfirm(note.trim())}>
            {handBack ? 'Hand back' : 'Decline'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

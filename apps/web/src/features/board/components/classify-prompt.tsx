import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Classification } from '@altitude/shared/domain';
import type { Card } from '@altitude/shared/requests';

interface Props {
  card: Card | null;
  targetLabel: string;
  /** The type's default: choosing the other class needs a note (the API refuses it without). */
  defaultClassification: Classification | null;
  busy: boolean;
  onChoose: (classification: Classification, note: string) => void;
  onCancel: () => void;
}

/** Asked right where a card was dropped: a card leaves intake only with a class. */
export function ClassifyPrompt({ card, targetLabel, defaultClassification, busy, onChoose, onCancel }: Props) {
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<Classification | null>(null);
  const suggested = defaultClassification ?? card?.classification ?? null;
  const other = suggested === 'strategic' ? 'tactical' : suggested === 'tactical' ? 'strategic' : null;
  const choose = (c: Classification) => {
    if (c !== suggested && suggested !== null && !note.trim()) {
      setMissing(c);
      return;
    }
    onChoose(c, note);
  };
  return (
    <Modal opened={card !== null} onClose={onCancel} title={card ? `Classify ${card.key} before it moves to ${targetLabel}` : ''} centered>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          <b>Strategic</b>: builds long-term demand, brand or insight for the whole business. <b>Tactical</b>: serves one internal
          client&apos;s short-term need.
          {suggested && ` The request type suggests ${suggested}.`}
        </Text>
        <Textarea
          label={other ? `Note (required for ${other})` : 'Note (optional)'}
          description={
            other ? `The type defaults to ${suggested}; choosing ${other} needs a reason, shown in Insights under Overrides.` : undefined
          }
          placeholder="Why this class?"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={missing && !note.trim() ? `Say why this request is ${missing}, not ${suggested}` : undefined}
          autosize
          minRows={2}
        />
        <Group grow>
          <Button
            variant={suggested === 'strategic' ? 'filled' : 'light'}
            color="violet"
            onClick={() => choose('strategic')}
            loading={busy}
            data-autofocus={suggested === 'strategic' || undefined}
          >
            Strategic (S)
          </Button>
          <Button
            variant={suggested === 'tactical' ? 'filled' : 'light'}
            color="orange"
            onClick={() => choose('tactical')}
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

import { Button, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Classification } from '@altitude/shared/domain';
import type { Request } from '@altitude/shared/requests';

interface Props {
  request: Pick<Request, 'classification' | 'classificationSuggested' | 'classificationNote'>;
  /** The request type's default class; null while the types are loading. */
  defaultClassification: Classification | null;
  typeName: string;
  busy: boolean;
  onSave: (classification: Classification, note?: string) => void;
}

const label = { strategic: 'strategic', tactical: 'tactical' } as const;

/**
 * Strategic or tactical. The type's default saves at once; the other class first asks, inline,
 * why (the API refuses it without a note), so the share cannot be lifted by relabelling quietly.
 */
export function ClassificationPicker({ request, defaultClassification, typeName, busy, onSave }: Props) {
  const [pending, setPending] = useState<Classification | null>(null);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const current = request.classificationSuggested ? null : request.classification;

  const choose = (c: Classification) => {
    const against = defaultClassification !== null && c !== defaultClassification;
    // Re-choosing an overriding class that already has its note keeps that note.
    if (!against || (c === current && request.classificationNote)) {
      setPending(null);
      if (c !== current) onSave(c);
      return;
    }
    setPending(c);
    setNote(c === current ? (request.classificationNote ?? '') : '');
    setTried(false);
  };
  const submit = () => {
    setTried(true);
    if (!pending || !note.trim()) return;
    onSave(pending, note.trim());
    setPending(null);
  };

  return (
    <Stack gap="xs">
      <SegmentedControl
        fullWidth
        aria-label="Classification"
        value={pending ?? current ?? ''}
        onChange={(v) => choose(v as Classification)}
        data={[
          { value: 'strategic', label: 'Strategic (S)' },
          { value: 'tactical', label: 'Tactical (T)' },
        ]}
        onKeyDown={(e) => {
          if (e.target instanceof HTMLTextAreaElement) return;
          if (e.key === 's' || e.key === 't') choose(e.key === 's' ? 'strategic' : 'tactical');
        }}
      />
      {pending && defaultClassification && (
        <Stack gap={6}>
          <Textarea
            label={`Why ${label[pending]}?`}
            description={`${typeName} requests default to ${label[defaultClassification]}. A class against the default needs a note; it shows in Insights under Overrides.`}
            placeholder={pending === 'strategic' ? 'e.g. part of the brand relaunch, not one deal' : 'e.g. only a slide for one customer'}
            required
            autosize
            minRows={2}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={tried && !note.trim() ? 'Say why this request is not ' + label[defaultClassification] : undefined}
            data-autofocus
            autoFocus
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit();
              if (e.key === 'Escape') setPending(null);
            }}
          />
          <Group gap="xs">
            <Button size="xs" onClick={submit} loading={busy}>
              Save as {label[pending]}
            </Button>
            <Button size="xs" variant="default" onClick={() => setPending(null)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      )}
      {!pending && current && request.classificationNote && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          Note: {request.classificationNote}
        </Text>
      )}
    </Stack>
  );
}

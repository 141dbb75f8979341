import { Anchor, Box, Stack, Text, type MantineSpacing } from '@mantine/core';
import type { FieldAnswer, IntakeField } from '@altitude/shared/intake-fields';
import type { Request } from '@altitude/shared/requests';
import { useLookup } from '../../../lib/directory';
import { formatDate } from '../../../lib/format';

/** Only web addresses become links: an answer stored before a rule tightened must not run script. */
const isWebAddress = (v: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
};

function Answer({ question, value }: { question: IntakeField | undefined; value: FieldAnswer }) {
  if (typeof value === 'boolean') return <>{value ? 'Yes' : 'No'}</>;
  if (typeof value === 'number') return <>{value.toLocaleString('en')}</>;
  if (question?.kind === 'date') return <>{formatDate(value)}</>;
  if (question?.kind === 'link' && isWebAddress(value))
    return (
      <Anchor href={value} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Anchor>
    );
  return <span style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{value}</span>;
}

/**
 * The answers to the type's questions, "Label: value", in the type's order. An answer to a
 * question the type no longer asks is still shown, under its key, after the others.
 */
export function IntakeAnswers({ request, mt }: { request: Pick<Request, 'typeId' | 'fields'>; mt?: MantineSpacing }) {
  const questions = useLookup().type(request.typeId)?.fields ?? [];
  const asked = questions.filter((q) => request.fields[q.key] !== undefined);
  const removed = Object.keys(request.fields).filter((key) => !questions.some((q) => q.key === key));
  if (asked.length === 0 && removed.length === 0) return null;
  const rows = [
    ...asked.map((q) => ({ key: q.key, label: q.label, question: q as IntakeField | undefined })),
    ...removed.map((key) => ({ key, label: key, question: undefined })),
  ];
  return (
    <Box mt={mt}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
        Answers
      </Text>
      <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="Answers">
        {rows.map((r) => (
          <Text key={r.key} size="sm" component="li">
            <Text span fw={500}>
              {r.label}:
            </Text>{' '}
            <Answer question={r.question} value={request.fields[r.key]!} />
          </Text>
        ))}
      </Stack>
    </Box>
  );
}

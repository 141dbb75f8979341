import { Button, Checkbox, Fieldset, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { keyFromLabel, maxIntakeFields, type FieldKind, type IntakeField } from '@altitude/shared/intake-fields';
import { ApiError } from '../../../lib/api-client';

/** A question as the lead edits it: options as typed lines; `key` null until saved (then fixed). */
export interface QuestionDraft {
  uid: number;
  key: string | null;
  label: string;
  kind: FieldKind;
  required: boolean;
  help: string;
  options: string;
}

const kindLabel: Record<FieldKind, string> = {
  text: 'Short text',
  long_text: 'Long text',
  choice: 'Choice',
  date: 'Date',
  number: 'Number',
  link: 'Link',
  checkbox: 'Checkbox',
};
const kindData = Object.entries(kindLabel).map(([value, label]) => ({ value, label }));

let nextUid = 0;
export const draftsOf = (fields: readonly IntakeField[]): QuestionDraft[] =>
  fields.map((f) => ({
    uid: nextUid++,
    key: f.key,
    label: f.label,
    kind: f.kind,
    required: f.required,
    help: f.help ?? '',
    options: (f.options ?? []).join('\n'),
  }));

/**
 * Each question's key: a saved one keeps its own (answers are stored by key, so a relabel keeps
 * them readable); a new one is derived from its label, unlike any key before it.
 */
export function keysOf(drafts: readonly QuestionDraft[]): string[] {
  const taken = drafts.flatMap((d) => (d.key ? [d.key] : []));
  const keys: string[] = [];
  for (const d of drafts) {
    const key = d.key ?? keyFromLabel(d.label, [...taken, ...keys]);
    keys.push(key);
  }
  return keys;
}

/** The questions as the API takes them. */
export function questionsOf(drafts: readonly QuestionDraft[]): IntakeField[] {
  const keys = keysOf(drafts);
  return drafts.map((d, i) => ({
    key: keys[i]!,
    label: d.label,
    kind: d.kind,
    required: d.required,
    ...(d.help.trim() ? { help: d.help } : {}),
    ...(d.kind === 'choice'
      ? {
          options: d.options
            .split('\n')
            .map((o) => o.trim())
            .filter(Boolean),
        }
      : {}),
  }));
}

/** The paths of a server's 400 that name a question (`fields.2.options`), so the form can place them. */
export const questionErrorPaths = (error: unknown): string[] =>
  error instanceof ApiError ? (error.problem.errors ?? []).map((e) => e.path).filter((p) => p.startsWith('fields.')) : [];

/** The form's errors less those on questions: an edit may move or remove the question they named. */
export const withoutQuestionErrors = <E extends Record<string, unknown>>(errors: E): E =>
  Object.fromEntries(Object.entries(errors).filter(([path]) => path !== 'fields' && !path.startsWith('fields.'))) as E;

interface Props {
  value: QuestionDraft[];
  onChange: (drafts: QuestionDraft[]) => void;
  /** Form errors by path, as the schema and the API name them (`fields.0.label`). */
  errors: Record<string, React.ReactNode>;
}

/**
 * The questions a type's request form asks, in order: add, edit, move and remove them; the
 * modal's save button sends them with the rest of the type.
 */
export function IntakeQuestionsEditor({ value, onChange, errors }: Props) {
  const keys = keysOf(value);
  const edit = (i: number, change: Partial<QuestionDraft>) => onChange(value.map((d, j) => (j === i ? { ...d, ...change } : d)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...value];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    onChange(next);
  };
  const add = () => onChange([...value, { uid: nextUid++, key: null, label: '', kind: 'text', required: false, help: '', options: '' }]);
  const error = (i: number, field: string) => errors[`fields.${i}.${field}`];

  return (
    <Stack gap="sm" component="section" aria-labelledby="intake-questions-title">
      <div>
        <Text size="sm" fw={500} id="intake-questions-title">
          Questions on the request form
        </Text>
        <Text size="xs" c="dimmed">
          Asked below the brief when someone files this type. Answers are kept by key, so renaming a question keeps earlier answers.
        </Text>
      </div>
      {value.map((d, i) => (
        <Fieldset key={d.uid} legend={`Question ${i + 1}`} variant="filled" p="sm" data-testid="intake-question">
          <Stack gap="xs">
            <Group align="flex-start" gap="xs" wrap="wrap">
              <TextInput
                label="Question"
                placeholder="e.g. Event date"
                required
                maxLength={140}
                value={d.label}
                onChange={(e) => edit(i, { label: e.currentTarget.value })}
                error={error(i, 'label') ?? error(i, 'key')}
                style={{ flex: '1 1 220px' }}
              />
              <Select
                label="Answer type"
                data={kindData}
                allowDeselect={false}
                value={d.kind}
                onChange={(kind) => kind && edit(i, { kind: kind as FieldKind })}
                error={error(i, 'kind')}
                w={150}
              />
            </Group>
            <TextInput
              label="Help text"
              placeholder="Shown under the question"
              maxLength={320}
              value={d.help}
              onChange={(e) => edit(i, { help: e.currentTarget.value })}
              error={error(i, 'help')}
            />
            {d.kind === 'choice' && (
              <Textarea
                label="Options (one per line)"
                required
                autosize
                minRows={2}
                maxRows={8}
                value={d.options}
                onChange={(e) => edit(i, { options: e.currentTarget.value })}
                error={error(i, 'options')}
              />
            )}
            <Group gap="md" wrap="wrap">
              <Checkbox label="Required" checked={d.required} onChange={(e) => edit(i, { required: e.currentTarget.checked })} />
              <Text size="xs" c="dimmed">
                Key: <code>{keys[i]}</code>
              </Text>
            </Group>
            {/* Its own row: at phone width the three buttons wrap instead of running off the modal. */}
            <Group gap={4} wrap="wrap">
              <Button variant="subtle" size="xs" disabled={i === 0} onClick={() => move(i, -1)}>
                Move up
              </Button>
              <Button variant="subtle" size="xs" disabled={i === value.length - 1} onClick={() => move(i, 1)}>
                Move down
              </Button>
              <Button variant="subtle" color="red" size="xs" onClick={() => onChange(value.filter((_, j) => j !== i))}>
                Remove question
              </Button>
            </Group>
          </Stack>
        </Fieldset>
      ))}
      {typeof errors.fields === 'string' && (
        <Text c="red" size="sm" role="alert">
          {errors.fields}
        </Text>
      )}
      <Group>
        <Button variant="light" size="xs" onClick={add} disabled={value.length >= maxIntakeFields}>
          Add question
        </Button>
        {value.length >= maxIntakeFields && (
          <Text size="xs" c="dimmed">
            At most {maxIntakeFields} questions.
          </Text>
        )}
      </Group>
    </Stack>
  );
}

import { Alert, Text } from '@mantine/core';
import type { IntakeField } from '@altitude/shared/intake-fields';

const fieldNames: Record<string, string> = {
  typeId: 'Type',
  title: 'Title',
  brief: 'Brief',
  businessGoal: 'Business goal',
  audience: 'Audience',
  dueDate: 'Needed by',
  priority: 'Priority',
  kitReason: 'Why file anyway?',
};

/** The names of the fields in error, in the form's order, as their labels read. */
export function erroredFieldNames(errors: Record<string, unknown>, questions: readonly IntakeField[] = []): string[] {
  const paths = Object.keys(errors).filter((p) => errors[p]);
  const order = [...Object.keys(fieldNames), ...questions.map((q) => `fields.${q.key}`)];
  return paths
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((p) => fieldNames[p] ?? questions.find((q) => `fields.${q.key}` === p)?.label ?? p);
}

/**
 * After a failed submit, the first field in error takes focus (a screen reader then reads its label
 * and its message), once React has drawn the errors.
 */
export function focusFirstError(form: EventTarget | null | undefined) {
  if (!(form instanceof HTMLElement)) return;
  requestAnimationFrame(() => {
    const first = form.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus({ preventScroll: true });
    first?.scrollIntoView({ block: 'center' });
  });
}

/** A short list of what to fix, named as the labels read. */
export function FormErrorSummary({ names }: { names: string[] }) {
  if (!names.length) return null;
  return (
    <Alert color="red" variant="light" title={names.length === 1 ? 'One field needs attention' : `${names.length} fields need attention`}>
      <Text size="sm">{names.join(', ')}</Text>
    </Alert>
  );
}

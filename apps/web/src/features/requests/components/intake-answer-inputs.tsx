import { Checkbox, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { IntakeField } from '@altitude/shared/intake-fields';

interface Props {
  typeName: string;
  questions: readonly IntakeField[];
  /** The props of the input for one question's answer (`checkbox`: its checked state). */
  inputProps: (key: string, checkbox: boolean) => GetInputPropsReturnType;
}

/** The chosen type's questions, each as the input its kind asks for, labelled as the lead wrote it. */
export function IntakeAnswerInputs({ typeName, questions, inputProps }: Props) {
  if (questions.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="intake-answers-title">
      <Text size="sm" fw={600} id="intake-answers-title">
        About this {typeName.toLowerCase()}
      </Text>
      {questions.map((q) => {
        const common = { label: q.label, description: q.help, required: q.required, ...inputProps(q.key, q.kind === 'checkbox') };
        switch (q.kind) {
          case 'text':
            return <TextInput key={q.key} maxLength={500} {...common} />;
          case 'long_text':
            return <Textarea key={q.key} autosize minRows={2} maxRows={10} maxLength={5000} {...common} />;
          case 'choice':
            return <Select key={q.key} data={q.options ?? []} placeholder="Choose one" clearable={!q.required} {...common} />;
          case 'date':
            return <TextInput key={q.key} type="date" w={{ base: '100%', sm: 220 }} {...common} />;
          case 'number':
            return <NumberInput key={q.key} w={{ base: '100%', sm: 220 }} {...common} />;
          case 'link':
            return <TextInput key={q.key} type="url" inputMode="url" placeholder="https://" maxLength={2000} {...common} />;
          case 'checkbox':
            return <Checkbox key={q.key} {...common} />;
        }
      })}
    </Stack>
  );
}

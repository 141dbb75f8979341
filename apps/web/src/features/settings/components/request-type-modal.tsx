import { Button, Group, Input, Modal, NumberInput, SegmentedControl, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { maxFirstResponseHours, maxTurnaroundDays } from '@altitude/shared/business-time';
import { CreateRequestTypeBody, type RequestType } from '@altitude/shared/directory';
import type { Classification } from '@altitude/shared/domain';
import { SelfServeKitInput } from '@altitude/shared/self-serve-kits';
import { useCreateRequestType } from '../api/create-request-type';
import { useUpdateRequestType } from '../api/update-request-type';
import { saved, schemaValidator, showServerErrors } from '../../../lib/forms';
import { plural } from '../../../lib/format';
import {
  draftsOf,
  IntakeQuestionsEditor,
  questionErrorPaths,
  questionsOf,
  withoutQuestionErrors,
  type QuestionDraft,
} from './intake-questions-editor';
import { draftOfKit, kitErrorPath, kitErrorPaths, kitOfDraft, SelfServeKitSection, type KitDraft } from './self-serve-kit-section';

interface Values {
  name: string;
  description: string;
  turnaroundDays: number | string;
  firstResponseHours: number | string;
  defaultClassification: Classification;
  fields: QuestionDraft[];
  selfServeKit: KitDraft;
}

const fields = ['name', 'description', 'turnaroundDays', 'firstResponseHours', 'defaultClassification'] as const;
/** An emptied NumberInput holds '': NaN, so the schema names the field instead of reading 0. */
const numberOf = (v: number | string) => (v === '' ? Number.NaN : Number(v));
const toBody = (v: Values) => ({
  ...v,
  turnaroundDays: numberOf(v.turnaroundDays),
  firstResponseHours: numberOf(v.firstResponseHours),
  fields: questionsOf(v.fields),
  selfServeKit: kitOfDraft(v.selfServeKit),
});
const validateBody = schemaValidator<Values>(CreateRequestTypeBody, toBody);
// The kit's link is checked by the form's rule (http or https only) as well as its shape.
const validateKit = schemaValidator<Values>(
  SelfServeKitInput,
  (v) => kitOfDraft(v.selfServeKit) ?? { url: 'https://none', instructions: 'none' },
);
const validate = (v: Values) => ({
  ...validateBody(v),
  ...Object.fromEntries(Object.entries(validateKit(v)).map(([path, message]) => [kitErrorPath(`selfServeKit.${path}`), message])),
});

/** The server names each unknown department as `selfServeKit.departmentIds.N`. */
const departmentErrorPaths = (error: Error) =>
  'problem' in error
    ? ((error as { problem: { errors?: { path: string }[] } }).problem.errors ?? [])
        .map((e) => e.path)
        .filter((p) => p.startsWith('selfServeKit.departmentIds.'))
    : [];

const classHint: Record<Classification, string> = {
  tactical: "Serves one internal client's short-term need: an asset for a specific deal, event or launch.",
  strategic: 'Builds long-term demand, brand or insight for the whole business.',
};

interface Props {
  /** The type being edited, `'new'` to add one, or null when closed. */
  editing: RequestType | 'new' | null;
  onClose: () => void;
  /** Opened from "Make a kit": the form scrolls to the kit and starts at its link. */
  focusKit?: boolean;
}

export function RequestTypeModal({ editing, onClose, focusKit = false }: Props) {
  return (
    <Modal
      opened={editing !== null}
      onClose={onClose}
      title={editing === 'new' ? 'Add request type' : 'Edit request type'}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
      size="lg"
    >
      {editing !== null && (
        <RequestTypeForm key={editing === 'new' ? 'new' : editing.id} editing={editing} onDone={onClose} focusKit={focusKit} />
      )}
    </Modal>
  );
}

function RequestTypeForm({ editing, onDone, focusKit }: { editing: RequestType | 'new'; onDone: () => void; focusKit: boolean }) {
  const create = useCreateRequestType();
  const update = useUpdateRequestType();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues:
      editing === 'new'
        ? {
            name: '',
            description: '',
            turnaroundDays: 5,
            firstResponseHours: 8,
            defaultClassification: 'tactical',
            fields: [],
            selfServeKit: draftOfKit(null),
          }
        : {
            name: editing.name,
            description: editing.description,
            turnaroundDays: editing.turnaroundDays,
            firstResponseHours: editing.firstResponseHours,
            defaultClassification: editing.defaultClassification,
            fields: draftsOf(editing.fields),
            selfServeKit: draftOfKit(editing.selfServeKit),
          },
    validate,
  });

  const submit = form.onSubmit((values) => {
    const body = CreateRequestTypeBody.parse(toBody(values));
    const options = {
      onSuccess: (type: RequestType) => {
        saved(
          editing === 'new' ? 'Request type added' : 'Request type saved',
          `${type.name}: ${plural(type.turnaroundDays, 'business day')}, ${type.defaultClassification} by default.`,
        );
        onDone();
      },
      onError: (error: Error) =>
        showServerErrors(error, { setFieldError: (path, message) => form.setFieldError(kitErrorPath(path), message) }, [
          ...fields,
          ...kitErrorPaths,
          ...questionErrorPaths(error),
          ...departmentErrorPaths(error),
        ]),
    };
    if (editing === 'new') create.mutate(body, options);
    else update.mutate({ id: editing.id, ...body }, options);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Name"
          placeholder="e.g. Event banner"
          required
          data-autofocus={!focusKit || undefined}
          {...form.getInputProps('name')}
        />
        <Textarea
          label="Description"
          description="Shown to requesters when they pick a type."
          autosize
          minRows={2}
          {...form.getInputProps('description')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <NumberInput
            label="Turnaround (business days)"
            description="Monday to Friday, without company holidays. Requesters see the date it promises, and a sooner needed-by date is a rush."
            min={1}
            max={maxTurnaroundDays}
            allowDecimal={false}
            required
            {...form.getInputProps('turnaroundDays')}
          />
          <NumberInput
            label="First response (business hours)"
            description="Business hours (09:00–17:00) within which marketing first answers a new request."
            min={1}
            max={maxFirstResponseHours}
            allowDecimal={false}
            required
            {...form.getInputProps('firstResponseHours')}
          />
        </SimpleGrid>
        <Input.Wrapper
          label="Default classification"
          labelProps={{ id: 'default-class-label' }}
          description={`${classHint[form.values.defaultClassification]} New requests of this type start with it as a suggestion; a marketer confirms it.`}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          error={form.errors.defaultClassification}
        >
          <SegmentedControl
            aria-labelledby="default-class-label"
            display="flex"
            w="fit-content"
            my={4}
            data={[
              { value: 'tactical', label: 'Tactical' },
              { value: 'strategic', label: 'Strategic' },
            ]}
            value={form.values.defaultClassification}
            onChange={(v) => form.setFieldValue('defaultClassification', v as Classification)}
          />
        </Input.Wrapper>
        <IntakeQuestionsEditor
          value={form.values.fields}
          onChange={(drafts) => {
            form.setFieldValue('fields', drafts);
            form.setErrors(withoutQuestionErrors(form.errors));
          }}
          errors={form.errors}
        />
        <SelfServeKitSection
          value={form.values.selfServeKit}
          inputProps={(path) => form.getInputProps(`selfServeKit.${path}`)}
          onRemove={() => form.setFieldValue('selfServeKit', draftOfKit(null))}
          focus={focusKit}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {editing === 'new' ? 'Add type' : 'Save'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

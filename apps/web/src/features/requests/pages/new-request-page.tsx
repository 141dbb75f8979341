import { Alert, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { expectedByFor, isRush } from '@altitude/shared/business-time';
import { priorities, type Priority } from '@altitude/shared/domain';
import type { IntakeField } from '@altitude/shared/intake-fields';
import { CreateRequestBody } from '@altitude/shared/requests';
import { kitOffered } from '@altitude/shared/self-serve-kits';
import { ApiError } from '../../../lib/api-client';
import { useDepartments, useRequestTypes } from '../../../lib/directory';
import { useCurrentUser } from '../../../lib/session';
import { formatWeekdayDate, plural, priorityLabel } from '../../../lib/format';
import { today } from '../../../lib/today';
import { usePhone } from '../../../lib/use-phone';
import { useTypeahead } from '../../../lib/typeahead';
import { useBusinessCalendar } from '../api/get-business-calendar';
import { useCreateRequest } from '../api/create-request';
import { useRecordKitUse } from '../api/record-kit-use';
import { KitOffer } from '../components/kit-offer';
import { IntakeAnswerInputs } from '../components/intake-answer-inputs';
import { answerErrors, answersBody, blankAnswers, type AnswerValues } from '../components/intake-answer-values';
import { RushAlert } from '../components/rush-alert';
import { SimilarRequests } from '../components/similar-requests';
import { erroredFieldNames, focusFirstError, FormErrorSummary } from '../components/form-errors';
import { SubmitBar } from '../components/submit-bar';
import classes from '../components/new-request-form.module.css';

interface Values {
  typeId: string | null;
  title: string;
  brief: string;
  businessGoal: string;
  audience: string;
  dueDate: string;
  priority: Priority;
  /** Answers to the chosen type's questions, by key. */
  fields: AnswerValues;
  /** Why file although a kit is offered (optional; one line on the wire). */
  kitReason: string;
}

const toBody = (v: Values, questions: readonly IntakeField[] = [], kitShown = false) => ({
  typeId: v.typeId ? Number(v.typeId) : 0,
  title: v.title,
  brief: v.brief,
  businessGoal: v.businessGoal,
  audience: v.audience,
  dueDate: v.dueDate || null,
  priority: v.priority,
  fields: answersBody(questions, v.fields),
  // Only said when the kit was offered, and only when there is something to say.
  ...(kitShown && v.kitReason.trim() ? { kitReason: v.kitReason.replace(/\s*\n\s*/g, ' ') } : {}),
});

const validateBody = schemaResolver(CreateRequestBody, { sync: true });

export function NewRequestPage() {
  const { data: types = [] } = useRequestTypes();
  const { data: calendar } = useBusinessCalendar();
  const create = useCreateRequest();
  const kitUse = useRecordKitUse();
  const me = useCurrentUser();
  const { data: departments = [] } = useDepartments();
  const navigate = useNavigate();
  // Filed from the board: go back there with the new card open.
  const fromBoard = useSearchParams()[0].get('from') === 'board';
  const phone = usePhone();
  // The summary of what to fix appears only once a submit was refused, then follows the fixes.
  const [tried, setTried] = useState(false);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      typeId: null,
      title: '',
      brief: '',
      businessGoal: '',
      audience: '',
      dueDate: '',
      priority: 'normal',
      fields: {},
      kitReason: '',
    },
    // The type's questions are checked by the rules the API applies to them.
    validate: (values) => {
      const chosen = typeOf(values.typeId);
      const questions = chosen?.fields ?? [];
      const kitShown = kitOffered(chosen?.selfServeKit ?? null, me.departmentId);
      return { ...validateBody(toBody(values, questions, kitShown)), ...answerErrors(questions, values.fields) };
    },
    // A new type asks other questions: start its answers empty.
    onValuesChange: (values, previous) => {
      if (values.typeId !== previous.typeId) form.setFieldValue('fields', blankAnswers(typeOf(values.typeId)?.fields ?? []));
    },
  });
  const typeOf = (id: string | null) => types.find((t) => String(t.id) === id);
  const typeOptions = types.map((t) => ({ value: String(t.id), label: t.name }));
  const typeInput = form.getInputProps('typeId');
  // Typed and Enter (or typed in full and left), the type is taken: the keyboard needs no arrows.
  const typeKeys = useTypeahead(typeOptions, typeInput);
  const type = typeOf(form.values.typeId);
  // The server's own rule (shared), so the date promised here is the date the request will carry.
  const expectedBy = type && calendar ? expectedByFor(new Date(), type.turnaroundDays, calendar) : null;
  const rushed = expectedBy !== null && isRush(form.values.dueDate, expectedBy);
  const kit = type?.selfServeKit && kitOffered(type.selfServeKit, me.departmentId) ? type.selfServeKit : null;
  const departmentName = departments.find((d) => d.id === me.departmentId)?.name ?? 'your department';

  // Using the kit is the request avoided: it is counted, and nothing is filed.
  const usedKit = () => {
    if (!type) return;
    kitUse.mutate(type.id, {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          title: 'Thanks for using the kit',
          message: `Nothing was filed: that is one ${type.name.toLowerCase()} request marketing can spend on strategic work.`,
        });
        form.reset();
      },
      onError: (error) => notifications.show({ color: 'red', title: 'Not recorded', message: error.message }),
    });
  };

  const submit = form.onSubmit(
    (values, event) => {
      // Read now: React clears `currentTarget` once the event is handled, before the server answers.
      const formElement = event?.currentTarget;
      create.mutate(CreateRequestBody.parse(toBody(values, type?.fields, kit !== null)), {
        onSuccess: (request) => {
          // The request page greets a fresh filing with its key and expected date (`filed` in the history state);
          // the board has no such place, so there a notification says it.
          if (fromBoard) notifications.show({ color: 'teal', title: `${request.key} filed`, message: 'Marketing will triage it shortly.' });
          form.reset();
          setTried(false);
          void navigate(fromBoard ? `/board?card=${request.id}` : `/requests/${request.id}`, { state: { filed: true } });
        },
        onError: (error) => {
          // Field errors go on the fields; the form keeps everything typed.
          if (error instanceof ApiError) for (const e of error.problem.errors ?? []) form.setFieldError(e.path, e.message);
          setTried(true);
          focusFirstError(formElement);
        },
      });
    },
    (_errors, _values, event) => {
      setTried(true);
      focusFirstError(event?.currentTarget);
    },
  );
  const errorNames = tried ? erroredFieldNames(form.errors, type?.fields) : [];

  return (
    <Stack maw={760} gap="lg">
      <div>
        <Title order={1}>New request</Title>
        <Text c="dimmed" size="sm">
          Tell marketing what you need and why. The clearer the goal, the faster it moves.
        </Text>
      </div>
      <Paper withBorder radius="md" component="form" onSubmit={submit} noValidate className={classes.form}>
        <Stack gap="md">
          <FormErrorSummary names={errorNames} />
          {create.isError && !(create.error instanceof ApiError && create.error.problem.errors?.length) && (
            <Alert color="red" variant="light" title="The request was not filed" role="alert">
              {create.error.message} Your text is still here; try again.
            </Alert>
          )}
          <Select
            label="Type"
            placeholder="What kind of work is it?"
            required
            // A phone keyboard would cover the list it filters: there, the list alone is quicker to tap.
            searchable={!phone}
            data={typeOptions}
            renderOption={({ option }) => {
              const t = types.find((x) => String(x.id) === option.value);
              return (
                <div>
                  <Text size="sm">{option.label}</Text>
                  <Text size="xs" c="dimmed">
                    {t?.description} · usually {plural(t?.turnaroundDays ?? 0, 'business day')}
                  </Text>
                </div>
              );
            }}
            description={type?.description || undefined}
            {...typeInput}
            {...typeKeys}
          />
          {type && (
            <Text size="sm" mt={-8} aria-live="polite">
              {expectedBy ? (
                <Text span fw={600} inherit>
                  Expected by {formatWeekdayDate(expectedBy)}
                </Text>
              ) : null}
              <Text span c="dimmed" inherit>
                {expectedBy ? ' · ' : 'Usually '}
                {plural(type.turnaroundDays, 'business day')}
                {expectedBy ? ' after today, not counting weekends or company holidays' : ''}
              </Text>
            </Text>
          )}
          {type && kit && (
            <KitOffer
              kit={kit}
              typeName={type.name}
              departmentName={departmentName}
              onUsed={usedKit}
              using={kitUse.isPending}
              reasonProps={form.getInputProps('kitReason')}
            />
          )}
          <TextInput
            label="Title"
            placeholder="e.g. Roll-up banners for the Lisbon summit"
            required
            maxLength={200}
            autoComplete="off"
            autoCapitalize="sentences"
            enterKeyHint="next"
            {...form.getInputProps('title')}
          />
          <SimilarRequests title={form.values.title} />
          <Textarea
            label="Brief"
            description="What you need, in as much detail as helps. Markdown works."
            autosize
            minRows={phone ? 4 : 5}
            autoCapitalize="sentences"
            {...form.getInputProps('brief')}
          />
          {type && (
            <IntakeAnswerInputs
              typeName={type.name}
              questions={type.fields}
              inputProps={(key, checkbox) => form.getInputProps(`fields.${key}`, checkbox ? { type: 'checkbox' } : undefined)}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Business goal"
              placeholder="e.g. Pipeline from the summit"
              autoComplete="off"
              autoCapitalize="sentences"
              enterKeyHint="next"
              {...form.getInputProps('businessGoal')}
            />
            <TextInput
              label="Audience"
              placeholder="e.g. CIOs of mid-market logistics firms"
              autoComplete="off"
              autoCapitalize="sentences"
              enterKeyHint="next"
              {...form.getInputProps('audience')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Needed by" type="date" min={today(calendar?.timeZone)} {...form.getInputProps('dueDate')} />
            <div>
              <Text size="sm" fw={500} mb={4} id="priority-label">
                Priority
              </Text>
              <SegmentedControl
                aria-labelledby="priority-label"
                fullWidth
                data={priorities.map((p) => ({ value: p, label: priorityLabel[p] }))}
                {...form.getInputProps('priority')}
              />
            </div>
          </SimpleGrid>
          {rushed && type && expectedBy && (
            <RushAlert neededBy={form.values.dueDate} expectedBy={expectedBy} typeName={type.name} turnaroundDays={type.turnaroundDays} />
          )}
          <SubmitBar expectedBy={expectedBy} busy={create.isPending} withDate={phone} />
        </Stack>
      </Paper>
    </Stack>
  );
}

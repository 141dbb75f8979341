import { Alert, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useNavigate, useSearchParams } from 'react-router';
import { addDays } from '@altitude/shared/calendar';
import { priorities, type Priority } from '@altitude/shared/domain';
import { CreateRequestBody } from '@altitude/shared/requests';
import { ApiError } from '../../../lib/api-client';
import { useRequestTypes } from '../../../lib/directory';
import { plural, priorityLabel } from '../../../lib/format';
import { today } from '../../../lib/today';
import { useCreateRequest } from '../api/create-request';
import { SimilarRequests } from '../components/similar-requests';

interface Values {
  typeId: string | null;
  title: string;
  brief: string;
  businessGoal: string;
  audience: string;
  dueDate: string;
  priority: Priority;
}

const toBody = (v: Values) => ({
  typeId: v.typeId ? Number(v.typeId) : 0,
  title: v.title,
  brief: v.brief,
  businessGoal: v.businessGoal,
  audience: v.audience,
  dueDate: v.dueDate || null,
  priority: v.priority,
});

const validateBody = schemaResolver(CreateRequestBody, { sync: true });

export function NewRequestPage() {
  const { data: types = [] } = useRequestTypes();
  const create = useCreateRequest();
  const navigate = useNavigate();
  // Filed from the board: go back there with the new card open.
  const fromBoard = useSearchParams()[0].get('from') === 'board';
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { typeId: null, title: '', brief: '', businessGoal: '', audience: '', dueDate: '', priority: 'normal' },
    validate: (values) => validateBody(toBody(values)),
  });
  const type = types.find((t) => String(t.id) === form.values.typeId);
  const earliest = type ? addDays(today(), type.turnaroundDays) : null;
  const rushed = Boolean(earliest && form.values.dueDate && form.values.dueDate < earliest);

  const submit = form.onSubmit((values) =>
    create.mutate(CreateRequestBody.parse(toBody(values)), {
      onSuccess: (request) => {
        notifications.show({ color: 'teal', title: `${request.key} filed`, message: 'Marketing will triage it shortly.' });
        form.reset();
        void navigate(fromBoard ? `/board?card=${request.id}` : `/requests/${request.id}`);
      },
      onError: (error) => {
        // Field errors go on the fields; the form keeps everything typed.
        if (error instanceof ApiError) for (const e of error.problem.errors ?? []) form.setFieldError(e.path, e.message);
      },
    }),
  );

  return (
    <Stack maw={760} gap="lg">
      <div>
        <Title order={2}>New request</Title>
        <Text c="dimmed" size="sm">
          Tell marketing what you need and why. The clearer the goal, the faster it moves.
        </Text>
      </div>
      <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate>
        <Stack gap="md">
          {create.isError && !(create.error instanceof ApiError && create.error.problem.errors?.length) && (
            <Alert color="red" variant="light" title="The request was not filed" role="alert">
              {create.error.message} Your text is still here; try again.
            </Alert>
          )}
          <Select
            label="Type"
            placeholder="What kind of work is it?"
            required
            searchable
            data={types.map((t) => ({ value: String(t.id), label: t.name }))}
            renderOption={({ option }) => {
              const t = types.find((x) => String(x.id) === option.value);
              return (
                <div>
                  <Text size="sm">{option.label}</Text>
                  <Text size="xs" c="dimmed">
                    {t?.description} · usually {plural(t?.turnaroundDays ?? 0, 'day')}
                  </Text>
                </div>
              );
            }}
            description={type ? `${type.description} Typical turnaround: ${plural(type.turnaroundDays, 'day')}.` : undefined}
            {...form.getInputProps('typeId')}
          />
          <TextInput
            label="Title"
            placeholder="e.g. Roll-up banners for the Lisbon summit"
            required
            maxLength={200}
            {...form.getInputProps('title')}
          />
          <SimilarRequests title={form.values.title} />
          <Textarea
            label="Brief"
            description="What you need, in as much detail as helps. Markdown works."
            autosize
            minRows={5}
            {...form.getInputProps('brief')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Business goal" placeholder="e.g. Pipeline from the summit" {...form.getInputProps('businessGoal')} />
            <TextInput label="Audience" placeholder="e.g. CIOs of mid-market logistics firms" {...form.getInputProps('audience')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <div>
              <TextInput label="Due date" type="date" min={today()} {...form.getInputProps('dueDate')} />
              {rushed && type && (
                <Text size="xs" c="orange.8" mt={4} role="status">
                  That is sooner than the usual {type.turnaroundDays}-day turnaround for {type.name.toLowerCase()}s. Marketing will tell you
                  if it can be done.
                </Text>
              )}
            </div>
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
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              Submit request
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

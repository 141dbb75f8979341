import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { CreateInitiativeBody, type Initiative } from '@altitude/shared/initiatives';
import { useUsers } from '../../../lib/directory';
import { saved, schemaValidator, showServerErrors } from '../../../lib/forms';
import { useCreateInitiative } from '../api/create-initiative';
import { useUpdateInitiative } from '../api/update-initiative';
import { currentQuarter, quarterChoices, quarterLabel } from './quarters';

interface Values {
  name: string;
  ownerId: string | null;
  quarter: string;
  goal: string;
}

const fields = ['name', 'ownerId', 'quarter', 'goal'] as const;
const toBody = (v: Values) => ({ ...v, ownerId: v.ownerId ? Number(v.ownerId) : 0 });
const validate = schemaValidator<Values>(CreateInitiativeBody, toBody);

/** "New initiative", or editing one (`initiative` given): name, owner, quarter and a one-line goal. */
export function InitiativeModal({ initiative, opened, onClose }: { initiative?: Initiative; opened: boolean; onClose: () => void }) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={initiative ? `Edit ${initiative.name}` : 'New initiative'}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {opened && <InitiativeForm initiative={initiative} onDone={onClose} />}
    </Modal>
  );
}

function InitiativeForm({ initiative, onDone }: { initiative?: Initiative; onDone: () => void }) {
  const { data: users = [] } = useUsers();
  const create = useCreateInitiative();
  const update = useUpdateInitiative();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      name: initiative?.name ?? '',
      ownerId: initiative ? String(initiative.ownerId) : null,
      quarter: initiative?.quarter ?? currentQuarter(),
      goal: initiative?.goal ?? '',
    },
    validate,
  });
  // Owners are marketing people who can act on it; the current owner stays listed even if no longer one.
  const owners = users
    .filter((u) => (u.role !== 'requester' && u.active) || u.id === initiative?.ownerId)
    .map((u) => ({ value: String(u.id), label: u.name }));

  const onError = (e: Error) => showServerErrors(e, form, fields);
  const submit = form.onSubmit((values) => {
    const body = CreateInitiativeBody.parse(toBody(values));
    if (initiative) {
      update.mutate(
        { id: initiative.id, ...body, goal: body.goal ?? '' },
        {
          onSuccess: (i) => {
            saved('Initiative saved', `${i.name}, ${quarterLabel(i.quarter)}.`);
            onDone();
          },
          onError,
        },
      );
    } else {
      create.mutate(body, {
        onSuccess: (i) => {
          saved('Initiative added', `Strategic requests can now be linked to ${i.name}.`);
          onDone();
        },
        onError,
      });
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label="Name" placeholder="e.g. Win the mid-market" required data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Owner"
            placeholder="Choose someone in marketing"
            required
            searchable
            data={owners}
            {...form.getInputProps('ownerId')}
          />
          <Select
            label="Quarter"
            required
            allowDeselect={false}
            data={quarterChoices(initiative?.quarter)}
            {...form.getInputProps('quarter')}
          />
        </SimpleGrid>
        <TextInput
          label="Goal"
          description="One line: what success looks like at the end of the quarter."
          placeholder="e.g. Thirty mid-market wins from the new playbook"
          {...form.getInputProps('goal')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {initiative ? 'Save' : 'Add initiative'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

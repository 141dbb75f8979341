import { Button, Group, Modal, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { InviteUserBody } from '@altitude/shared/directory';
import { roles, type Role } from '@altitude/shared/domain';
import { useDepartments } from '../../../lib/directory';
import { roleHint, roleLabel } from '../../../lib/roles';
import { useInviteUser } from '../api/invite-user';
import { saved, schemaValidator, showServerErrors } from '../../../lib/forms';

interface Values {
  email: string;
  name: string;
  role: Role;
  departmentId: string | null;
  password: string;
}

const fields = ['email', 'name', 'role', 'departmentId', 'password'] as const;
const toBody = (v: Values) => ({ ...v, departmentId: v.departmentId ? Number(v.departmentId) : 0 });
const validate = schemaValidator<Values>(InviteUserBody, toBody);

export function InviteModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Invite a person" centered closeButtonProps={{ 'aria-label': 'Close' }} size="lg">
      {opened && <InviteForm onDone={onClose} />}
    </Modal>
  );
}

function InviteForm({ onDone }: { onDone: () => void }) {
  const { data: departments = [] } = useDepartments();
  const invite = useInviteUser();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { email: '', name: '', role: 'requester', departmentId: null, password: '' },
    validate,
  });

  const submit = form.onSubmit((values) =>
    invite.mutate(InviteUserBody.parse(toBody(values)), {
      onSuccess: (user) => {
        saved(`${user.name} invited`, `${roleLabel[user.role]}; they sign in as ${user.email} with the password you chose.`);
        onDone();
      },
      onError: (e) => showServerErrors(e, form, fields),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" placeholder="e.g. Nadia Okafor" required data-autofocus {...form.getInputProps('name')} />
          <TextInput label="Email" type="email" placeholder="nadia@company.com" required {...form.getInputProps('email')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Role"
            required
            allowDeselect={false}
            data={roles.map((r) => ({ value: r, label: roleLabel[r] }))}
            description={roleHint[form.values.role]}
            {...form.getInputProps('role')}
          />
          <Select
            label="Department"
            placeholder="Choose a department"
            required
            searchable
            data={departments.map((d) => ({ value: String(d.id), label: d.name }))}
            {...form.getInputProps('departmentId')}
          />
        </SimpleGrid>
        <PasswordInput
          label="Initial password"
          description="At least 8 characters and not a common password. Pass it on privately."
          required
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <Text size="xs" c="dimmed">
          They can sign in as soon as you invite them.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={invite.isPending}>
            Invite
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { InviteBody } from '@altitude/shared/invitations';
import { roles, type Role } from '@altitude/shared/domain';
import { useDepartments } from '../../../lib/directory';
import { roleHint, roleLabel } from '../../../lib/roles';
import { useCreateInvitation } from '../api/create-invitation';
import { saved, schemaValidator, showServerErrors } from '../../../lib/forms';

interface Values {
  email: string;
  name: string;
  role: Role;
  departmentId: string | null;
  canViewInsights: boolean;
}

const fields = ['email', 'name', 'role', 'departmentId', 'canViewInsights'] as const;
const toBody = (v: Values) => ({ ...v, departmentId: v.departmentId ? Number(v.departmentId) : 0 });
const validate = schemaValidator<Values>(InviteBody, toBody);

/** Invitation by link: the person receives an email and chooses their own password; the lead never knows it. */
export function InviteLinkModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Invite person by email" centered closeButtonProps={{ 'aria-label': 'Close' }} size="lg">
      {opened && <InviteLinkForm onDone={onClose} />}
    </Modal>
  );
}

function InviteLinkForm({ onDone }: { onDone: () => void }) {
  const { data: departments = [] } = useDepartments();
  const invite = useCreateInvitation();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { email: '', name: '', role: 'requester', departmentId: null, canViewInsights: false },
    validate,
  });

  const submit = form.onSubmit((values) =>
    invite.mutate(InviteBody.parse(toBody(values)), {
      onSuccess: (created) => {
        saved(
          `${created.name} invited`,
          created.link
            ? 'No mail server is set up: copy the link from Settings → Outbox and send it to them.'
            : `The link is on its way to ${created.email}.`,
        );
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
        <Checkbox
          label="May read Insights (read-only)"
          description="Leads always do."
          {...form.getInputProps('canViewInsights', { type: 'checkbox' })}
        />
        <Text size="xs" c="dimmed">
          They get an email with a link that works once and for 7 days, and choose their own password.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={invite.isPending}>
            Send invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

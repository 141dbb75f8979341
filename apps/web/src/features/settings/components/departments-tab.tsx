import { Button, Group, Modal, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { CreateDepartmentBody, type Department } from '@altitude/shared/directory';
import { useDepartments, useUsers } from '../../../lib/directory';
import { useCreateDepartment } from '../api/create-department';
import { useRenameDepartment } from '../api/rename-department';
import { saved, schemaValidator, showServerErrors } from '../../../lib/forms';

const validateName = schemaValidator<{ name: string }>(CreateDepartmentBody);

function AddDepartment() {
  const create = useCreateDepartment();
  const form = useForm({ mode: 'controlled', initialValues: { name: '' }, validate: validateName });
  const submit = form.onSubmit((values) =>
    create.mutate(CreateDepartmentBody.parse(values), {
      onSuccess: (d) => {
        saved('Department added', `${d.name} can now be chosen for people.`);
        form.reset();
      },
      onError: (e) => showServerErrors(e, form, ['name']),
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="sm">
        <TextInput
          aria-label="New department name"
          placeholder="New department, e.g. Partnerships"
          w={320}
          {...form.getInputProps('name')}
        />
        <Button type="submit" variant="light" loading={create.isPending}>
          Add department
        </Button>
      </Group>
    </form>
  );
}

function RenameModal({ department, onClose }: { department: Department; onClose: () => void }) {
  const rename = useRenameDepartment();
  const form = useForm({ mode: 'controlled', initialValues: { name: department.name }, validate: validateName });
  const submit = form.onSubmit((values) =>
    rename.mutate(
      { id: department.id, ...CreateDepartmentBody.parse(values) },
      {
        onSuccess: (d) => {
          saved('Department renamed', `${department.name} is now ${d.name}. Its people and requests stay with it.`);
          onClose();
        },
        onError: (e) => showServerErrors(e, form, ['name']),
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title={`Rename ${department.name}`} centered closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={rename.isPending}>
              Rename
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function DepartmentsTab() {
  const { data: departments = [] } = useDepartments();
  const { data: users = [] } = useUsers();
  const [renaming, setRenaming] = useState<Department | null>(null);
  const people = (id: number) => users.filter((u) => u.departmentId === id && u.active).length;

  return (
    <Stack gap="md" maw={720}>
      <Text size="sm" c="dimmed">
        Requesting departments: each person belongs to one, and insights split time by them. Renaming keeps everyone and every request
        attached.
      </Text>
      <AddDepartment />
      <Paper withBorder radius="md">
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Department</Table.Th>
              <Table.Th w={140}>Active people</Table.Th>
              <Table.Th w={100} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {departments.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.name}</Table.Td>
                <Table.Td>{people(d.id)}</Table.Td>
                <Table.Td ta="right">
                  <Button variant="subtle" size="xs" onClick={() => setRenaming(d)} aria-label={`Rename ${d.name}`}>
                    Rename
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {renaming && <RenameModal key={renaming.id} department={renaming} onClose={() => setRenaming(null)} />}
    </Stack>
  );
}

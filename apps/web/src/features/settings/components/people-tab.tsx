import { Badge, Button, Group, Paper, Select, Stack, Switch, Table, Text, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import type { User } from '@altitude/shared/directory';
import { roles, type Role } from '@altitude/shared/domain';
import { useDepartments, useUsers } from '../../../lib/directory';
import { roleLabel } from '../../../lib/roles';
import { useCurrentUser } from '../../../lib/session';
import { useUpdateUser } from '../api/update-user';
import { InviteModal } from './invite-modal';
import { InviteLinkModal } from './invite-link-modal';
import { PendingInvitations } from './pending-invitations';
import { saved, showServerErrors } from '../../../lib/forms';
import { plural } from '../../../lib/format';

function PersonRow({ person, isMe }: { person: User; isMe: boolean }) {
  const { data: departments = [] } = useDepartments();
  const update = useUpdateUser();
  const change = (body: Partial<Pick<User, 'role' | 'departmentId' | 'active' | 'canViewInsights'>>, message: string) =>
    update.mutate(
      { id: person.id, ...body },
      { onSuccess: () => saved(`${person.name} updated`, message), onError: (e) => showServerErrors(e) },
    );

  // A role change or a deactivation signs the person out at once, so it is confirmed first.
  const changeRole = (role: Role) =>
    modals.openConfirmModal({
      title: `Make ${person.name} a ${roleLabel[role].toLowerCase()}?`,
      children: <Text size="sm">They are signed out now and sign in again with the new role.</Text>,
      labels: { confirm: 'Change role', cancel: 'Cancel' },
      onConfirm: () => change({ role }, `Now a ${roleLabel[role].toLowerCase()}; their sessions have ended.`),
    });
  const setActive = (active: boolean) =>
    active
      ? change({ active }, 'They can sign in again.')
      : modals.openConfirmModal({
          title: `Deactivate ${person.name}?`,
          children: (
            <Text size="sm">They are signed out at once and can no longer sign in. Their requests, time entries and history stay.</Text>
          ),
          labels: { confirm: 'Deactivate', cancel: 'Cancel' },
          confirmProps: { color: 'red' },
          onConfirm: () => change({ active }, 'Deactivated and signed out.'),
        });

  const ownHint = 'You cannot change your own role or deactivate yourself; another lead can.';
  return (
    <Table.Tr opacity={person.active ? 1 : 0.6}>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={500}>
            {person.name}
          </Text>
          {isMe && (
            <Badge size="xs" variant="light">
              You
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {person.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <Tooltip label={ownHint} disabled={!isMe} multiline w={240}>
          <div>
            <Select
              aria-label={`Role of ${person.name}`}
              size="xs"
              w={170}
              allowDeselect={false}
              disabled={isMe}
              data={roles.map((r) => ({ value: r, label: roleLabel[r] }))}
              value={person.role}
              onChange={(v) => v && v !== person.role && changeRole(v as Role)}
            />
          </div>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={`Department of ${person.name}`}
          size="xs"
          w={190}
          allowDeselect={false}
          data={departments.map((d) => ({ value: String(d.id), label: d.name }))}
          value={String(person.departmentId)}
          onChange={(v) =>
            v &&
            Number(v) !== person.departmentId &&
            change({ departmentId: Number(v) }, `Moved to ${departments.find((d) => String(d.id) === v)?.name}.`)
          }
        />
      </Table.Td>
      <Table.Td>
        {/* Leads read Insights by their role; the switch shows it rather than offering a choice that does nothing. */}
        <Tooltip label="Leads always read Insights" disabled={person.role !== 'lead'} w={200}>
          <div>
            <Switch
              aria-label={`${person.name} may read Insights`}
              label={person.role === 'lead' ? 'Always (lead)' : person.canViewInsights ? 'Read-only' : 'No'}
              checked={person.role === 'lead' || person.canViewInsights}
              disabled={person.role === 'lead'}
              onChange={(e) => {
                const canViewInsights = e.currentTarget.checked;
                change(
                  { canViewInsights },
                  canViewInsights ? 'They can now read Insights, its exports and print it.' : 'They no longer see Insights.',
                );
              }}
            />
          </div>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <Tooltip label={ownHint} disabled={!isMe} multiline w={240}>
          <div>
            <Switch
              aria-label={`${person.name} is active`}
              label={person.active ? 'Active' : 'Inactive'}
              checked={person.active}
              disabled={isMe}
              onChange={(e) => setActive(e.currentTarget.checked)}
            />
          </div>
        </Tooltip>
      </Table.Td>
    </Table.Tr>
  );
}

export function PeopleTab() {
  const me = useCurrentUser();
  const { data: users = [] } = useUsers();
  const [inviting, setInviting] = useState(false);
  const [invitingByLink, setInvitingByLink] = useState(false);
  const active = users.filter((u) => u.active).length;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" maw={640}>
          {active} active of {plural(users.length, 'person')}. Changing someone’s role or deactivating them signs them out at once; their
          history stays.
        </Text>
        <Group gap="xs">
          {/* The older way: the lead sets an initial password and passes it on. */}
          <Button variant="default" onClick={() => setInviting(true)}>
            Add with password
          </Button>
          <Button onClick={() => setInvitingByLink(true)}>Invite person</Button>
        </Group>
      </Group>
      <PendingInvitations />
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={920}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th w={200}>Role</Table.Th>
                <Table.Th w={220}>Department</Table.Th>
                <Table.Th w={160}>Insights access</Table.Th>
                <Table.Th w={140}>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.map((person) => (
                <PersonRow key={person.id} person={person} isMe={person.id === me.id} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <InviteModal opened={inviting} onClose={() => setInviting(false)} />
      <InviteLinkModal opened={invitingByLink} onClose={() => setInvitingByLink(false)} />
    </Stack>
  );
}

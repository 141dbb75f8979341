import { Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { User } from '@altitude/shared/directory';
import { InviteLinkModal } from './invite-link-modal';
import { PendingInvitations } from './pending-invitations';
import { plural } from '../../../lib/format';
import { useUsers } from '../../../lib/directory';
import { useCurrentUser } from '../../../lib/session';
import { usePhone } from '../../../lib/use-phone';
import { InviteModal } from './invite-modal';
import { usePersonControls } from './person-controls';
import classes from './people-tab.module.css';

function PersonRow({ person, isMe }: { person: User; isMe: boolean }) {
  const c = usePersonControls(person, isMe);
  return (
    <Table.Tr opacity={person.active ? 1 : 0.6}>
      <Table.Td>{c.identity}</Table.Td>
      <Table.Td>{c.role}</Table.Td>
      <Table.Td>{c.department}</Table.Td>
      <Table.Td>{c.insights}</Table.Td>
      <Table.Td>{c.active}</Table.Td>
    </Table.Tr>
  );
}

/** On a phone: whether they are active first, then who, then what they may do, stacked full width. */
function PersonCard({ person, isMe }: { person: User; isMe: boolean }) {
  const c = usePersonControls(person, isMe);
  return (
    <Paper component="li" withBorder radius="md" p="sm" opacity={person.active ? 1 : 0.75}>
      <Stack gap="xs">
        {c.active}
        <div>{c.identity}</div>
        <div className={classes.wide}>
          <Text size="xs" c="dimmed" mb={2}>
            Role
          </Text>
          {c.role}
        </div>
        <div className={classes.wide}>
          <Text size="xs" c="dimmed" mb={2}>
            Department
          </Text>
          {c.department}
        </div>
        <div>
          <Text size="xs" c="dimmed" mb={2}>
            Insights access
          </Text>
          {c.insights}
        </div>
      </Stack>
    </Paper>
  );
}

export function PeopleTab() {
  const me = useCurrentUser();
  const { data: users = [] } = useUsers();
  const [inviting, setInviting] = useState(false);
  const [invitingByLink, setInvitingByLink] = useState(false);
  const active = users.filter((u) => u.active).length;
  const phone = usePhone();

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
        {phone ? (
          <Stack component="ul" gap="xs" m={0} p="xs" style={{ listStyle: 'none' }} aria-label="People">
            {users.map((person) => (
              <PersonCard key={person.id} person={person} isMe={person.id === me.id} />
            ))}
          </Stack>
        ) : (
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
        )}
      </Paper>
      <InviteModal opened={inviting} onClose={() => setInviting(false)} />
      <InviteLinkModal opened={invitingByLink} onClose={() => setInvitingByLink(false)} />
    </Stack>
  );
}

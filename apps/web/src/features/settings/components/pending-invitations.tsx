import { Button, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { Invitation } from '@altitude/shared/invitations';
import { useDepartments } from '../../../lib/directory';
import { formatDate } from '../../../lib/format';
import { roleLabel } from '../../../lib/roles';
import { saved, showServerErrors } from '../../../lib/forms';
import { useInvitations } from '../api/list-invitations';
import { useRevokeInvitation } from '../api/revoke-invitation';
import { usePhone } from '../../../lib/use-phone';
import stacked from '../../../components/stacked-table.module.css';

/** Invitations sent and not yet accepted, each revocable (its link then stops working). */
export function PendingInvitations() {
  const { data: invitations = [] } = useInvitations();
  const { data: departments = [] } = useDepartments();
  const revoke = useRevokeInvitation();
  // On a phone each invitation is a card (the shared stacked table): no box to swipe sideways in.
  const phone = usePhone();
  if (invitations.length === 0) return null;

  const confirmRevoke = (invitation: Invitation) =>
    modals.openConfirmModal({
      title: `Revoke ${invitation.name}'s invitation?`,
      children: <Text size="sm">The link in their email stops working. You can invite them again later.</Text>,
      labels: { confirm: 'Revoke', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        revoke.mutate(invitation.id, {
          onSuccess: () => saved('Invitation revoked', `${invitation.email} can no longer join with it.`),
          onError: (e) => showServerErrors(e),
        }),
    });

  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        Pending invitations
      </Title>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={phone ? 0 : 640} type={phone ? 'native' : undefined}>
          <Table verticalSpacing="sm" horizontalSpacing="md" className={stacked.table}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Department</Table.Th>
                <Table.Th>Link works until</Table.Th>
                <Table.Th w={110}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.map((invitation) => (
                <Table.Tr key={invitation.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {invitation.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {invitation.email}
                    </Text>
                  </Table.Td>
                  <Table.Td data-label="Role">{roleLabel[invitation.role]}</Table.Td>
                  <Table.Td data-label="Department">{departments.find((d) => d.id === invitation.departmentId)?.name ?? '—'}</Table.Td>
                  <Table.Td data-label="Link works until">{formatDate(invitation.expiresAt)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      color="red"
                      aria-label={`Revoke ${invitation.name}'s invitation`}
                      onClick={() => confirmRevoke(invitation)}
                    >
                      Revoke
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}

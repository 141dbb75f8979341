import { Badge, Button, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { Initiative } from '@altitude/shared/initiatives';
import { useLookup } from '../../../lib/directory';
import { saved, showServerErrors } from '../../../lib/forms';
import { useInitiatives } from '../api/list-initiatives';
import { useUpdateInitiative } from '../api/update-initiative';
import { InitiativeModal } from './initiative-modal';
import { currentQuarter, quarterLabel } from './quarters';

/** Settings → Initiatives (leads): what strategic work is for, per quarter. */
export function InitiativesTab() {
  const { data: initiatives, isPending } = useInitiatives();
  const lookup = useLookup();
  const update = useUpdateInitiative();
  const [editing, setEditing] = useState<Initiative | 'new' | null>(null);
  const now = currentQuarter();

  const setArchived = (i: Initiative, archived: boolean) =>
    update.mutate(
      { id: i.id, archived },
      {
        onSuccess: () =>
          saved(
            archived ? `${i.name} archived` : `${i.name} restored`,
            archived ? 'Its linked requests keep it; no new ones can be linked.' : 'Strategic requests can be linked to it again.',
          ),
        onError: (e) => showServerErrors(e),
      },
    );

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" maw={640}>
          The few things strategic work is for this quarter. Marketing links each strategic request to one, and Insights shows the hours,
          deliveries and open work per initiative, and the strategic hours that serve none.
        </Text>
        <Button onClick={() => setEditing('new')}>New initiative</Button>
      </Group>
      <Paper withBorder radius="md">
        {/* At phone width quarter and owner move under the name, so nothing scrolls sideways. */}
        <Table verticalSpacing="sm" aria-label="Initiatives">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Initiative</Table.Th>
              <Table.Th visibleFrom="sm">Quarter</Table.Th>
              <Table.Th visibleFrom="sm">Owner</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {initiatives?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text size="sm" c="dimmed">
                    No initiatives yet. Add this quarter&apos;s with “New initiative”.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {isPending && (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text size="sm" c="dimmed">
                    Loading…
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {initiatives?.map((i) => (
              <Table.Tr key={i.id} data-testid={`initiative-${i.id}`} opacity={i.archived ? 0.7 : 1}>
                <Table.Td>
                  <Group gap="xs">
                    <Text size="sm" fw={600}>
                      {i.name}
                    </Text>
                    {i.archived && (
                      <Badge size="xs" variant="light" color="gray">
                        Archived
                      </Badge>
                    )}
                  </Group>
                  {i.goal && (
                    <Text size="xs" c="dimmed">
                      {i.goal}
                    </Text>
                  )}
                  <Text size="xs" hiddenFrom="sm" mt={4}>
                    {quarterLabel(i.quarter)} · {lookup.user(i.ownerId)?.name ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="sm">
                    {quarterLabel(i.quarter)}
                    {i.quarter === now && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        (this quarter)
                      </Text>
                    )}
                  </Text>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="sm">{lookup.user(i.ownerId)?.name ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    <Button size="xs" variant="default" onClick={() => setEditing(i)}>
                      Edit
                    </Button>
                    <Button
                      size="xs"
                      variant="light"
                      color={i.archived ? 'blue' : 'gray'}
                      loading={update.isPending && update.variables?.id === i.id}
                      onClick={() => setArchived(i, !i.archived)}
                    >
                      {i.archived ? 'Restore' : 'Archive'}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <InitiativeModal
        key={editing === null ? 'closed' : editing === 'new' ? 'new' : editing.id}
        opened={editing !== null}
        initiative={editing === null || editing === 'new' ? undefined : editing}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}

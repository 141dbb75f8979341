import { Badge, Group, Select, Switch, Text, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { User } from '@altitude/shared/directory';
import { roles, type Role } from '@altitude/shared/domain';
import { useDepartments } from '../../../lib/directory';
import { saved, showServerErrors } from '../../../lib/forms';
import { roleLabel } from '../../../lib/roles';
import { useUpdateUser } from '../api/update-user';

/**
 * A person's settings as controls (role, department, Insights access, active), laid out as a table
 * row on a desktop and as a card on a phone: one set of rules and confirmations for both.
 */
export function usePersonControls(person: User, isMe: boolean) {
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
  return {
    identity: (
      <>
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
      </>
    ),
    role: (
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
    ),
    department: (
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
    ),
    // Leads read Insights by their role; the switch shows it rather than offering a choice that does nothing.
    insights: (
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
    ),
    active: (
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
    ),
  };
}

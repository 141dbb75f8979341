import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { User } from '@altitude/shared/directory';
import { formatDuration } from '@altitude/shared/duration';
import { parseStrategicReserve } from '@altitude/shared/strategic-reserve';
import { parseWeeklyHours, workingDaysPerWeek } from '@altitude/shared/working-time';
import { saved, showServerErrors } from '../../../lib/forms';
import { roleLabel } from '../../../lib/roles';
import { useSetWorkingTime, type WorkingTimeChange } from '../api/set-working-time';

const asHours = (minutes: number) => formatDuration(minutes).replace(/^0m$/, '0h');
const sentence = (m: string) => m.charAt(0).toUpperCase() + m.slice(1);

/**
 * One person's contracted week and the strategic reserve kept in it, typed as hours ("32",
 * "32h", "37h 30m"; the reserve also as a share, "25%") with live previews; one Save sends what
 * changed. A share is taken of the week as typed beside it.
 */
function PersonWeek({ user }: { user: User }) {
  const [weeklyText, setWeeklyText] = useState(asHours(user.weeklyMinutes));
  const [reserveText, setReserveText] = useState(asHours(user.strategicReserveMinutes));
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const setWorkingTime = useSetWorkingTime();
  const weekly = parseWeeklyHours(weeklyText);
  const reserve = parseStrategicReserve(reserveText, weekly.ok ? weekly.minutes : user.weeklyMinutes);
  const change: WorkingTimeChange = { id: user.id };
  if (weekly.ok && weekly.minutes !== user.weeklyMinutes) change.weeklyMinutes = weekly.minutes;
  if (reserve.ok && reserve.minutes !== user.strategicReserveMinutes) change.strategicReserveMinutes = reserve.minutes;
  const changed = weekly.ok && reserve.ok && Object.keys(change).length > 1;
  const weeklyPreview = weekly.ok
    ? `${asHours(weekly.minutes)} a week, ${asHours(Math.round(weekly.minutes / workingDaysPerWeek))} a working day`
    : undefined;
  const reservePreview =
    reserve.ok && weekly.ok
      ? `${asHours(reserve.minutes)} a week kept for strategic work${weekly.minutes > 0 ? ` (${Math.round((reserve.minutes / weekly.minutes) * 100)} %)` : ''}`
      : undefined;

  const save = () => {
    if (!changed) return;
    setWorkingTime.mutate(change, {
      onSuccess: (u) =>
        saved(
          'Working time saved',
          `${u.name}: ${asHours(u.weeklyMinutes)} a week, ${asHours(u.strategicReserveMinutes)} strategic reserve.`,
        ),
      onError: (e) =>
        showServerErrors(e, { setFieldError: (path, m) => setServerErrors((all) => ({ ...all, [path]: m })) }, [
          'weeklyMinutes',
          'strategicReserveMinutes',
        ]),
    });
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <Group align="flex-start" gap="xs" wrap="wrap" data-testid="weekly-hours-row">
        <TextInput
          label={`${user.name} (${roleLabel[user.role]})`}
          aria-label={`Weekly hours of ${user.name}`}
          description={weeklyPreview ?? ' '}
          value={weeklyText}
          onChange={(e) => {
            setWeeklyText(e.currentTarget.value);
            setServerErrors({});
          }}
          error={serverErrors.weeklyMinutes ?? (weekly.ok ? undefined : sentence(weekly.message))}
          style={{ flex: '1 1 180px' }}
          maw={260}
        />
        <TextInput
          label="Strategic reserve (hours per week)"
          aria-label={`Strategic reserve (hours per week) of ${user.name}`}
          description={reservePreview ?? ' '}
          value={reserveText}
          onChange={(e) => {
            setReserveText(e.currentTarget.value);
            setServerErrors({});
          }}
          error={serverErrors.strategicReserveMinutes ?? (reserve.ok ? undefined : sentence(reserve.message))}
          style={{ flex: '1 1 180px' }}
          maw={260}
        />
        <Button type="submit" variant="light" mt={44} disabled={!changed} loading={setWorkingTime.isPending}>
          Save
        </Button>
      </Group>
    </form>
  );
}

/** Each marketer's and lead's weekly hours (what coverage counts their logged time against) and strategic reserve (Capacity). */
export function WeeklyHours({ users }: { users: User[] }) {
  const team = users.filter((u) => u.active && (u.role === 'marketer' || u.role === 'lead'));
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="weekly-hours-title">
      <Stack gap="md">
        <div>
          <Title order={4} id="weekly-hours-title">
            Weekly hours
          </Title>
          <Text size="sm" c="dimmed">
            Contracted time per week, spread over Monday to Friday: 40 by default, less for part-timers. Type hours (32, 32h, 37h 30m). The
            strategic reserve is the part of the week kept for strategic work, in hours or as a share of the week (25%); Capacity shows when
            other work takes it.
          </Text>
        </div>
        {team.map((u) => (
          <PersonWeek key={`${u.id}-${u.weeklyMinutes}-${u.strategicReserveMinutes}`} user={u} />
        ))}
      </Stack>
    </Paper>
  );
}

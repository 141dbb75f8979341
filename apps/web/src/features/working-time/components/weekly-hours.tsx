import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { User } from '@altitude/shared/directory';
import { formatDuration } from '@altitude/shared/duration';
import { parseWeeklyHours, workingDaysPerWeek } from '@altitude/shared/working-time';
import { saved, showServerErrors } from '../../../lib/forms';
import { roleLabel } from '../../../lib/roles';
import { useSetWeeklyMinutes } from '../api/set-weekly-minutes';

const asHours = (minutes: number) => formatDuration(minutes).replace(/^0m$/, '0h');

/** One person's contracted week, typed as hours ("32", "32h", "37h 30m") with a live preview. */
function PersonWeek({ user }: { user: User }) {
  const [text, setText] = useState(asHours(user.weeklyMinutes));
  const [serverError, setServerError] = useState<string | null>(null);
  const setWeekly = useSetWeeklyMinutes();
  const parsed = parseWeeklyHours(text);
  const changed = parsed.ok && parsed.minutes !== user.weeklyMinutes;
  const preview = parsed.ok
    ? `${asHours(parsed.minutes)} a week, ${asHours(Math.round(parsed.minutes / workingDaysPerWeek))} a working day`
    : undefined;

  const save = () => {
    if (!parsed.ok) return;
    setWeekly.mutate(
      { id: user.id, weeklyMinutes: parsed.minutes },
      {
        onSuccess: (u) => saved('Working time saved', `${u.name}: ${asHours(u.weeklyMinutes)} a week.`),
        onError: (e) => showServerErrors(e, { setFieldError: (_p, m) => setServerError(m) }, ['weeklyMinutes']),
      },
    );
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
          description={preview ?? ' '}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setServerError(null);
          }}
          error={serverError ?? (parsed.ok ? undefined : parsed.message.charAt(0).toUpperCase() + parsed.message.slice(1))}
          style={{ flex: '1 1 220px' }}
          maw={360}
        />
        <Button type="submit" variant="light" mt={44} disabled={!changed} loading={setWeekly.isPending}>
          Save
        </Button>
      </Group>
    </form>
  );
}

/** Each marketer's and lead's weekly hours: what coverage counts their logged time against. */
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
            Contracted time per week, spread over Monday to Friday: 40 by default, less for part-timers. Type hours (32, 32h, 37h 30m).
          </Text>
        </div>
        {team.map((u) => (
          <PersonWeek key={`${u.id}-${u.weeklyMinutes}`} user={u} />
        ))}
      </Stack>
    </Paper>
  );
}

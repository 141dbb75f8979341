import { Alert, Button, Group, Loader, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { addDays } from '@altitude/shared/calendar';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { useUsers } from '../../../lib/directory';
import { useCurrentUser } from '../../../lib/session';
import { today } from '../../../lib/today';
import { usePhone } from '../../../lib/use-phone';
import { useTimesheet } from '../api/get-timesheet';
import { AddRequestRow } from '../components/add-request-row';
import { WeekDayCards } from '../components/week-day-cards';
import { WeekGrid } from '../components/week-grid';
import { weekRows, type RowHead } from '../components/week-rows';
import { WeekSummary } from '../components/week-summary';

/**
 * A person's week: requests × days, edited in place, with the gap to working time. The week and
 * the person live in the URL (`?week=&user=`), so a reload or a shared link opens the same sheet;
 * without `week` the server picks this week in the company's time zone.
 */
export function TimesheetPage() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const week = params.get('week') ?? undefined;
  const userParam = params.get('user') ?? undefined;
  const isLead = me.role === 'lead';
  const userId = isLead && userParam ? Number(userParam) : me.id;
  const own = userId === me.id;
  const { data: sheet, error, isPending, isFetching } = useTimesheet({ week, userId: own ? undefined : String(userId) });
  const { data: people = [] } = useUsers();
  const [added, setAdded] = useState<RowHead[]>([]);

  const go = (next: { week?: string | null; user?: string | null }) => {
    const merged = { week: next.week === undefined ? week : next.week, user: next.user === undefined ? userParam : next.user };
    setParams(Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => !!e[1])));
  };
  const rows = sheet ? weekRows(sheet, own ? added : []) : [];
  const todayDate = today();
  const phone = usePhone();
  const person = people.find((p) => p.id === userId);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>Timesheet</Title>
          <Text c="dimmed" size="sm">
            {own ? 'Your week' : `${person?.name ?? 'Someone'}'s week`}
            {/* In words, as every other date on screen: "30 Nov – 6 Dec". */}
            {sheet ? `: ${formatDate(sheet.from)} – ${formatDate(sheet.to)}` : ''}
          </Text>
        </div>
        <Group gap="xs" align="flex-end" wrap="wrap">
          {isLead && (
            <Select
              label="Person"
              w={200}
              value={String(userId)}
              data={people.filter((p) => p.role !== 'requester' || p.id === userId).map((p) => ({ value: String(p.id), label: p.name }))}
              searchable
              allowDeselect={false}
              onChange={(v) => {
                setAdded([]);
                go({ user: v && Number(v) !== me.id ? v : null });
              }}
            />
          )}
          <TextInput
            label="Week of"
            type="date"
            w={150}
            value={week ?? sheet?.from ?? ''}
            onChange={(e) => e.currentTarget.value && go({ week: e.currentTarget.value })}
          />
          <Button variant="default" disabled={!sheet} onClick={() => sheet && go({ week: addDays(sheet.from, -7) })}>
            Previous week
          </Button>
          <Button variant="default" onClick={() => go({ week: null })}>
            This week
          </Button>
          <Button variant="default" disabled={!sheet} onClick={() => sheet && go({ week: addDays(sheet.from, 7) })}>
            Next week
          </Button>
        </Group>
      </Group>

      {error instanceof ApiError && (
        <Alert color="red" title="The timesheet could not be read" role="alert">
          {error.message}
        </Alert>
      )}
      {isPending && !error && (
        <Group justify="center" p="xl">
          <Loader aria-label="Loading the timesheet" />
        </Group>
      )}
      {sheet && (
        <>
          <WeekSummary sheet={sheet} />
          {phone ? (
            <div aria-busy={isFetching}>
              <WeekDayCards sheet={sheet} rows={rows} canAddOn={(date) => own && date <= todayDate} />
            </div>
          ) : (
            <Paper withBorder radius="md" p="xs" aria-busy={isFetching}>
              <WeekGrid sheet={sheet} rows={rows} canAddOn={(date) => own && date <= todayDate} />
            </Paper>
          )}
          {own ? (
            <AddRequestRow
              userId={me.id}
              shown={rows.map((r) => r.requestId)}
              onAdd={(row) => setAdded((list) => [...list.filter((r) => r.requestId !== row.requestId), row])}
            />
          ) : (
            <Text size="sm" c="dimmed">
              You can correct {person ? `${person.name}'s` : 'their'} entries here; new time is logged by the person who spent it.
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}

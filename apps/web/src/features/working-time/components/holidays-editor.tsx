import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { holidayNameMax, maxHolidays, PutHolidaysBody, type Holiday } from '@altitude/shared/working-time';
import { ApiError } from '../../../lib/api-client';
import { saved, showServerErrors } from '../../../lib/forms';
import { usePutHolidays } from '../api/put-holidays';
import classes from './holidays-editor.module.css';

interface Row {
  key: number;
  date: string;
  name: string;
}
/** Errors by path as the API names them: `items.3.date`. */
type Errors = Record<string, string>;

let nextKey = 0;
const rowsOf = (items: Holiday[]): Row[] => items.map((h) => ({ key: nextKey++, ...h }));
const sentence = (m: string) => m.charAt(0).toUpperCase() + m.slice(1);

/** Problems the schema finds before anything is sent, under the fields they concern. */
function check(rows: Row[]): Errors {
  const result = PutHolidaysBody.safeParse({ items: rows.map(({ date, name }) => ({ date, name })) });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), sentence(i.message)]));
}

/**
 * The company holidays as one list the lead edits and saves at once (the API replaces the whole
 * list): add, rename, remove, then Save. Errors show under the field they concern.
 */
export function HolidaysEditor({ holidays }: { holidays: Holiday[] }) {
  const [rows, setRows] = useState<Row[]>(() => rowsOf(holidays));
  const [errors, setErrors] = useState<Errors>({});
  const put = usePutHolidays();
  const dirty = JSON.stringify(rows.map(({ date, name }) => ({ date, name }))) !== JSON.stringify(holidays);

  const edit = (index: number, change: Partial<Row>) => {
    setRows((rs) => rs.map((r, i) => (i === index ? { ...r, ...change } : r)));
    setErrors({});
  };
  const remove = (index: number) => {
    setRows((rs) => rs.filter((_, i) => i !== index));
    setErrors({});
  };
  const add = () => setRows((rs) => [...rs, { key: nextKey++, date: '', name: '' }]);

  const save = () => {
    const found = check(rows);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    put.mutate(
      { items: rows.map(({ date, name }) => ({ date, name })) },
      {
        onSuccess: (list) => {
          setRows(rowsOf(list.items));
          saved('Holidays saved', `${list.items.length} company ${list.items.length === 1 ? 'holiday' : 'holidays'}.`);
        },
        onError: (e) => {
          const named = e instanceof ApiError ? (e.problem.errors ?? []) : [];
          if (named.length > 0) setErrors(Object.fromEntries(named.map((n) => [n.path, sentence(n.message)])));
          else showServerErrors(e);
        },
      },
    );
  };

  const listError = errors.items;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="holidays-title">
      <Stack gap="md">
        <div>
          <Title order={4} id="holidays-title">
            Company holidays
          </Title>
          <Text size="sm" c="dimmed">
            Days nobody is expected to work. A holiday on a weekday takes a day off everyone&apos;s available time; one on a weekend changes
            nothing.
          </Text>
        </div>
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            No holidays yet.
          </Text>
        )}
        {rows.map((row, i) => (
          <Group key={row.key} align="flex-start" gap="xs" wrap="wrap" data-testid="holiday-row">
            <TextInput
              type="date"
              label="Date"
              aria-label={`Date of holiday ${i + 1}`}
              value={row.date}
              onChange={(e) => edit(i, { date: e.currentTarget.value })}
              error={errors[`items.${i}.date`]}
              w={170}
            />
            <TextInput
              label="Name"
              aria-label={`Name of holiday ${i + 1}`}
              placeholder="e.g. Christmas Day"
              value={row.name}
              maxLength={holidayNameMax + 20}
              onChange={(e) => edit(i, { name: e.currentTarget.value })}
              error={errors[`items.${i}.name`]}
              style={{ flex: '1 1 180px' }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mt={26}
              className={classes.remove}
              aria-label={`Remove ${row.name.trim() || `holiday ${i + 1}`}`}
              onClick={() => remove(i)}
            >
              ✕
            </ActionIcon>
          </Group>
        ))}
        {listError && (
          <Text c="red" size="sm" role="alert">
            {listError}
          </Text>
        )}
        <Group justify="space-between">
          <Button variant="default" onClick={add} disabled={rows.length >= maxHolidays}>
            Add a holiday
          </Button>
          <Button onClick={save} disabled={!dirty} loading={put.isPending}>
            Save holidays
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { formatDuration } from '@altitude/shared/duration';
import type { Timesheet } from '@altitude/shared/timesheet';
import { classificationColor, formatMinutes } from '../../../lib/format';
import { today } from '../../../lib/today';
import { CellEntriesModal } from './cell-entries-modal';
import { DurationField } from './duration-field';
import classes from './week-day-cards.module.css';
import { dayLabel, type SheetRow } from './week-rows';

interface Props {
  sheet: Timesheet;
  rows: SheetRow[];
  canAddOn: (date: string) => boolean;
}

/**
 * The week on a phone: seven columns do not fit 390 px, so one day at a time (today when it is
 * in this week), each request a card with that day's time to edit and its week total.
 */
export function WeekDayCards({ sheet, rows, canAddOn }: Props) {
  const todayDate = today();
  const [chosen, setChosen] = useState(() => sheet.days.find((d) => d.date === todayDate)?.date ?? sheet.days[0]!.date);
  const [open, setOpen] = useState<number | null>(null);
  const dayIndex = Math.max(
    0,
    sheet.days.findIndex((d) => d.date === chosen),
  );
  const day = sheet.days[dayIndex]!;
  const label = dayLabel(day.date);
  const openRow = rows.find((r) => r.requestId === open);

  return (
    <Stack gap="sm">
      <div className={classes.switcher}>
        <SegmentedControl
          aria-label="Day"
          fullWidth
          className={classes.days}
          value={day.date}
          onChange={setChosen}
          data={sheet.days.map((d) => ({
            value: d.date,
            label: (
              <span className={classes.day}>
                <span>{dayLabel(d.date).weekday}</span>
                <span className={classes.logged}>
                  <VisuallyHidden>, logged </VisuallyHidden>
                  {d.loggedMinutes ? formatMinutes(d.loggedMinutes) : '–'}
                </span>
              </span>
            ),
          }))}
        />
      </div>
      <Group justify="space-between" px={4}>
        <Text fw={600}>
          {label.weekday} {label.day}
          {day.holiday ? ` · ${day.holiday}` : ''}
        </Text>
        <Text size="sm" c="dimmed" data-testid={`day-card-total-${day.date}`}>
          {formatMinutes(day.loggedMinutes)} of {day.availableMinutes ? formatMinutes(day.availableMinutes) : 'no working time'}
        </Text>
      </Group>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed" py="sm">
          No time logged this week. Add a request row below to fill it in.
        </Text>
      )}
      <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={`Time on ${label.weekday} ${label.day}`}>
        {rows.map((row) => {
          const entries = row.cells[dayIndex] ?? [];
          const minutes = entries.reduce((s, e) => s + e.minutes, 0);
          const name = `${row.requestKey} ${row.requestTitle}, ${label.weekday} ${label.day}`;
          return (
            <Paper component="li" key={row.requestId} withBorder radius="md" p="sm">
              <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Group gap={6}>
                    <Badge size="sm" variant="light" color={classificationColor[row.classification]}>
                      {row.classification}
                    </Badge>
                    <Text fz="xs" c="dimmed" ff="monospace">
                      {row.requestKey}
                    </Text>
                  </Group>
                  <Text fz="sm" mt={4} lineClamp={2}>
                    {row.requestTitle}
                  </Text>
                  <Text fz="xs" c="dimmed" mt={2}>
                    {formatMinutes(row.totalMinutes)} this week
                  </Text>
                </div>
                <div className={classes.cell}>
                  {entries.length > 1 ? (
                    <Button
                      variant="light"
                      h={44}
                      aria-label={`${name}: ${entries.length} entries, ${formatDuration(minutes)}. Open to edit`}
                      onClick={() => setOpen(row.requestId)}
                    >
                      {formatMinutes(minutes)} ×{entries.length}
                    </Button>
                  ) : (
                    <DurationField
                      entry={entries[0]}
                      requestId={row.requestId}
                      date={day.date}
                      label={name}
                      disabled={!entries[0] && !canAddOn(day.date)}
                    />
                  )}
                </div>
              </Group>
            </Paper>
          );
        })}
      </Stack>
      {openRow && (
        <CellEntriesModal
          opened
          onClose={() => setOpen(null)}
          title={`${openRow.requestKey}, ${label.weekday} ${label.day}`}
          entries={openRow.cells[dayIndex]!}
          requestId={openRow.requestId}
          date={day.date}
          canAdd={canAddOn(day.date)}
        />
      )}
    </Stack>
  );
}

import { Badge, Box, Button, Table, Text } from '@mantine/core';
import { useState, type CSSProperties } from 'react';
import { formatDuration } from '@altitude/shared/duration';
import type { Timesheet } from '@altitude/shared/timesheet';
import { classificationColor, formatMinutes } from '../../../lib/format';
import { CellEntriesModal } from './cell-entries-modal';
import { DurationField } from './duration-field';
import { dayLabel, type SheetRow } from './week-rows';

interface Props {
  sheet: Timesheet;
  rows: SheetRow[];
  /** True for a day on which an empty cell may take a new entry (the viewer's own week, not in the future). */
  canAddOn: (date: string) => boolean;
}

// The request column stays in view while the days scroll sideways inside the grid's own container.
const sticky: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
  minWidth: 150,
  maxWidth: 240,
  boxShadow: 'inset -1px 0 0 var(--mantine-color-gray-3)',
};

/** Requests × Monday..Sunday, each cell edited in place; per-row, per-day and working-time totals. */
export function WeekGrid({ sheet, rows, canAddOn }: Props) {
  const [open, setOpen] = useState<{ requestId: number; date: string } | null>(null);
  const openRow = open && rows.find((r) => r.requestId === open.requestId);
  const openDay = open ? sheet.days.findIndex((d) => d.date === open.date) : -1;
  const labels = sheet.days.map((d) => dayLabel(d.date));

  return (
    <Box style={{ overflowX: 'auto', maxWidth: '100%' }} data-testid="timesheet-grid-scroller">
      <Table miw={900} verticalSpacing={6} horizontalSpacing="xs" aria-label="Week timesheet">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={sticky} scope="col">
              Request
            </Table.Th>
            {sheet.days.map((d, i) => (
              <Table.Th key={d.date} scope="col" ta="right" bg={d.availableMinutes === 0 ? 'gray.1' : undefined}>
                <Text span fz="sm" fw={700}>
                  {labels[i]!.weekday}
                </Text>{' '}
                <Text span fz="xs" c="dimmed">
                  {labels[i]!.day}
                </Text>
                {d.holiday && (
                  <Text fz="xs" c="orange.9" fw={500}>
                    {d.holiday}
                  </Text>
                )}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">
              Total
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={9}>
                <Text size="sm" c="dimmed" py="sm">
                  No time logged this week. Add a request row below to fill it in.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {rows.map((row) => (
            <Table.Tr key={row.requestId}>
              <Table.Th scope="row" style={sticky} fw={400}>
                <Text fz="xs" c="dimmed" ff="monospace">
                  {row.requestKey}{' '}
                  <Badge size="xs" variant="light" color={classificationColor[row.classification]}>
                    {row.classification}
                  </Badge>
                </Text>
                <Text fz="sm" lineClamp={2}>
                  {row.requestTitle}
                </Text>
              </Table.Th>
              {row.cells.map((entries, i) => {
                const date = sheet.days[i]!.date;
                const label = `${row.requestKey} ${row.requestTitle}, ${labels[i]!.weekday} ${labels[i]!.day}`;
                return (
                  <Table.Td key={date} ta="right" bg={sheet.days[i]!.availableMinutes === 0 ? 'gray.0' : undefined}>
                    {entries.length > 1 ? (
                      <Button
                        size="compact-sm"
                        variant="light"
                        aria-label={`${label}: ${entries.length} entries, ${formatDuration(entries.reduce((s, e) => s + e.minutes, 0))}. Open to edit`}
                        onClick={() => setOpen({ requestId: row.requestId, date })}
                      >
                        {formatMinutes(entries.reduce((s, e) => s + e.minutes, 0))} ×{entries.length}
                      </Button>
                    ) : (
                      <DurationField
                        entry={entries[0]}
                        requestId={row.requestId}
                        date={date}
                        label={label}
                        disabled={!entries[0] && !canAddOn(date)}
                      />
                    )}
                  </Table.Td>
                );
              })}
              <Table.Td ta="right" fw={600}>
                {formatMinutes(row.totalMinutes)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" style={sticky}>
              Logged
            </Table.Th>
            {sheet.days.map((d, i) => (
              <Table.Td key={d.date} ta="right" fw={600} data-testid={`day-total-${d.date}`} aria-label={`Logged ${labels[i]!.weekday}`}>
                {formatMinutes(d.loggedMinutes)}
              </Table.Td>
            ))}
            <Table.Td ta="right" fw={700} data-testid="week-total">
              {formatMinutes(sheet.loggedMinutes)}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row" style={sticky} fw={400} c="dimmed">
              Working time
            </Table.Th>
            {sheet.days.map((d) => (
              <Table.Td key={d.date} ta="right" c="dimmed">
                {d.availableMinutes ? formatMinutes(d.availableMinutes) : '—'}
              </Table.Td>
            ))}
            <Table.Td ta="right" c="dimmed">
              {formatMinutes(sheet.availableMinutes)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      {openRow && openDay >= 0 && (
        <CellEntriesModal
          opened
          onClose={() => setOpen(null)}
          title={`${openRow.requestKey}, ${labels[openDay]!.weekday} ${labels[openDay]!.day}`}
          entries={openRow.cells[openDay]!}
          requestId={openRow.requestId}
          date={open!.date}
          canAdd={canAddOn(open!.date)}
        />
      )}
    </Box>
  );
}

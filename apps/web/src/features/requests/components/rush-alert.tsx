import { Alert, Text } from '@mantine/core';
import { formatWeekdayDate, plural } from '../../../lib/format';

interface Props {
  neededBy: string;
  expectedBy: string;
  typeName: string;
  turnaroundDays: number;
}

/** Said before filing: a needed-by date inside the type's turnaround makes the request a rush. */
export function RushAlert({ neededBy, expectedBy, typeName, turnaroundDays }: Props) {
  return (
    <Alert
      color="orange"
      variant="light"
      title="This is a rush"
      role="status"
      // Mantine paints the title orange 9 on orange 1 (3.6:1); black keeps it at WCAG AA.
      styles={{ title: { color: 'var(--mantine-color-black)' } }}
    >
      <Text size="sm">
        You need it by {formatWeekdayDate(neededBy)}, but {typeName} requests usually take {plural(turnaroundDays, 'business day')}: filed
        today, it would be expected by {formatWeekdayDate(expectedBy)}. You can still file it; it is marked as a rush, and marketing will
        confirm whether your date can be met.
      </Text>
    </Alert>
  );
}

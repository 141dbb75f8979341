import { Button, Group, Text } from '@mantine/core';
import { formatWeekdayDate } from '../../../lib/format';
import classes from './new-request-form.module.css';

interface Props {
  expectedBy: string | null;
  busy: boolean;
  /**
   * On a phone the bar is pinned to the screen's bottom, far from the line under the type, so it
   * repeats the expected date; on a desktop that line is in view and the bar is just the button.
   */
  withDate: boolean;
}

/** The form's submit, with the date marketing will promise beside it so filing is a decision, not a guess. */
export function SubmitBar({ expectedBy, busy, withDate }: Props) {
  return (
    <Group className={classes.submitBar} justify={withDate ? 'space-between' : 'flex-end'} wrap="nowrap" gap="sm">
      {withDate && (
        <Text size="sm" c="dimmed" style={{ minWidth: 0 }}>
          {expectedBy ? (
            <>
              Expected by{' '}
              <Text span fw={600} c="var(--mantine-color-text)" inherit>
                {formatWeekdayDate(expectedBy)}
              </Text>
            </>
          ) : (
            'Choose a type to see when to expect it.'
          )}
        </Text>
      )}
      <Button type="submit" loading={busy} style={{ flexShrink: 0 }}>
        Submit request
      </Button>
    </Group>
  );
}

import { Switch, Text } from '@mantine/core';
import { showServerErrors } from '../../../lib/forms';
import { useBoardView } from '../api/get-board-view';
import { useSetBoardView } from '../api/set-board-view';

/**
 * The board view: a lead switches it (for a room or the C-suite, per-person figures are left out
 * for everyone but leads); a reader is told when it is on, so an empty "by marketer" is not a surprise.
 */
export function BoardViewControl({ canSwitch }: { canSwitch: boolean }) {
  const { data } = useBoardView();
  const set = useSetBoardView();
  if (!data) return null;
  if (!canSwitch)
    return data.boardView ? (
      <Text size="sm" c="dimmed" data-testid="board-view-note">
        Board view: per-person figures are hidden.
      </Text>
    ) : null;
  return (
    <Switch
      className="no-print"
      label="Board view: hide per-person figures"
      description="For everyone but leads"
      checked={data.boardView}
      disabled={set.isPending}
      onChange={(e) => set.mutate({ boardView: e.currentTarget.checked }, { onError: (error) => showServerErrors(error) })}
    />
  );
}

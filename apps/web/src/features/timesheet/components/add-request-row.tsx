import { Select } from '@mantine/core';
import { reportClassOf } from '@altitude/shared/domain';
import { useOpenRequestsOf } from '../api/list-open-requests';
import type { RowHead } from './week-rows';

interface Props {
  userId: number;
  /** Requests already on the grid, left out of the choice. */
  shown: number[];
  onAdd: (row: RowHead) => void;
}

/** Picks one of the person's open requests to give it a row, so a gap can be filled on it. */
export function AddRequestRow({ userId, shown, onAdd }: Props) {
  const { data = [], isPending } = useOpenRequestsOf(userId, true);
  const choices = data.filter((r) => !shown.includes(r.id));
  return (
    <Select
      label="Add a request row"
      placeholder={
        isPending
          ? 'Loading your open requests…'
          : choices.length
            ? 'Pick one of your open requests'
            : 'No other open requests assigned to you'
      }
      data={choices.map((r) => ({ value: String(r.id), label: `${r.key} ${r.title}` }))}
      value={null}
      searchable
      nothingFoundMessage="No open request matches"
      disabled={choices.length === 0}
      maw={480}
      onChange={(value) => {
        const r = choices.find((c) => String(c.id) === value);
        if (r) onAdd({ requestId: r.id, requestKey: r.key, requestTitle: r.title, classification: reportClassOf(r) });
      }}
    />
  );
}

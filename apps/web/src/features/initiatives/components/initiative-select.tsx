import { Select } from '@mantine/core';
import { userMeets } from '@altitude/shared/domain';
import type { Request } from '@altitude/shared/requests';
import { useCurrentUser } from '../../../lib/session';
import { useInitiatives } from '../api/list-initiatives';
import { currentQuarter, quarterLabel } from './quarters';

/**
 * The "Initiative" select of a strategic request (marketers and leads): this quarter's active
 * initiatives first, then the others; an archived one shows only while the request is linked to
 * it. Hidden for requests not confirmed strategic (the server refuses those links) and for
 * requesters. `onChange` saves through the request's own edit, version and conflict handling included.
 */
export function InitiativeSelect({ request, onChange }: { request: Request; onChange: (initiativeId: number | null) => void }) {
  const me = useCurrentUser();
  const visible = userMeets(me, 'marketer') && request.classification === 'strategic' && !request.classificationSuggested;
  const { data: initiatives = [] } = useInitiatives(visible);
  if (!visible) return null;

  const now = currentQuarter();
  const offered = initiatives.filter((i) => !i.archived || i.id === request.initiativeId);
  const option = (i: (typeof offered)[number]) => ({
    value: String(i.id),
    label: `${i.name}${i.quarter === now ? '' : ` (${quarterLabel(i.quarter)})`}${i.archived ? ', archived' : ''}`,
  });
  const thisQuarter = offered.filter((i) => i.quarter === now).map(option);
  const others = offered.filter((i) => i.quarter !== now).map(option);
  const data = [
    ...(thisQuarter.length ? [{ group: `This quarter (${quarterLabel(now)})`, items: thisQuarter }] : []),
    ...(others.length ? [{ group: 'Other quarters', items: others }] : []),
  ];

  return (
    <Select
      label="Initiative"
      description="The strategic initiative this request serves"
      placeholder="No initiative"
      clearable
      searchable
      nothingFoundMessage="No initiative by that name"
      data={data}
      value={request.initiativeId === null ? null : String(request.initiativeId)}
      onChange={(v) => {
        const next = v ? Number(v) : null;
        if (next !== request.initiativeId) onChange(next);
      }}
    />
  );
}

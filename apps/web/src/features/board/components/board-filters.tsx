import { Badge, Button, Collapse, Group, MultiSelect, Select, Switch, TextInput } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { memo, useEffect, useId, useState } from 'react';
import { slaStates } from '@altitude/shared/service-levels';
import { useLookup } from '../../../lib/directory';
import { slaLabel } from '../../../lib/service-level';
import type { useBoardFilters } from '../hooks/use-board-filters';
import { boardSearchId } from '../hooks/use-board-keys';

type Filters = ReturnType<typeof useBoardFilters>;

const split = (v?: string) => (v ? v.split(',') : []);

/**
 * A filter's options mount when it opens: kept mounted (Mantine's default), each one rendered its
 * hidden options and positioned its dropdown on every render of the board page, each time with a
 * forced layout and a synchronous re-render. Options and ARIA are the same once it is open.
 */
const closedUnmounted = { keepMounted: false };

/**
 * Memoised: the board page renders once per column while its cards arrive (and on every drag
 * step), and the bar's selects cost more to render than a column of cards. Its props stay the
 * same objects while the filters do (useBoardFilters).
 */
export const BoardFiltersBar = memo(function BoardFiltersBar({ filters, setFilter, clear, active }: Filters) {
  const lookup = useLookup();
  const [text, setText] = useState(filters.q ?? '');
  // Typing updates the URL after a short pause, not on every key.
  useEffect(() => {
    const t = setTimeout(() => {
      if ((filters.q ?? '') !== text) setFilter('q', text.trim() || null);
    }, 250);
    return () => clearTimeout(t);
  }, [text, filters.q, setFilter]);

  // On a phone the filters fold into a "Filters" disclosure under the search, so cards come first.
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [open, { toggle }] = useDisclosure(false);
  const panelId = useId();
  const w = (desktop: number) => (phone ? '100%' : desktop);
  const folded = (['department', 'type', 'assignee', 'classification', 'sla', 'overdue'] as const).filter((k) => filters[k]).length;

  const marketers = lookup.users.filter((u) => u.role !== 'requester');
  const search = (
    <TextInput
      id={boardSearchId}
      aria-label="Search cards"
      placeholder="Search title or MKT-42"
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      w={phone ? undefined : 220}
      flex={phone ? 1 : undefined}
    />
  );
  const controls = (
    <>
      <MultiSelect
        comboboxProps={closedUnmounted}
        aria-label="Department"
        placeholder={filters.department ? undefined : 'Department'}
        data={lookup.departments.map((d) => ({ value: String(d.id), label: d.name }))}
        value={split(filters.department)}
        onChange={(v) => setFilter('department', v.join(',') || null)}
        w={w(200)}
        clearable
      />
      <MultiSelect
        comboboxProps={closedUnmounted}
        aria-label="Type"
        placeholder={filters.type ? undefined : 'Type'}
        data={lookup.types.map((t) => ({ value: String(t.id), label: t.name }))}
        value={split(filters.type)}
        onChange={(v) => setFilter('type', v.join(',') || null)}
        w={w(200)}
        searchable
        clearable
      />
      <Select
        comboboxProps={closedUnmounted}
        aria-label="Assignee"
        placeholder="Assignee"
        data={[{ value: 'none', label: 'Unassigned' }, ...marketers.map((u) => ({ value: String(u.id), label: u.name }))]}
        value={filters.assignee ?? null}
        onChange={(v) => setFilter('assignee', v)}
        w={w(170)}
        clearable
      />
      <Select
        comboboxProps={closedUnmounted}
        aria-label="Class"
        placeholder="Class"
        data={[
          { value: 'strategic', label: 'Strategic' },
          { value: 'tactical', label: 'Tactical' },
          { value: 'unclassified', label: 'Unclassified' },
        ]}
        value={filters.classification ?? null}
        onChange={(v) => setFilter('classification', v)}
        w={w(140)}
        clearable
      />
      <MultiSelect
        comboboxProps={closedUnmounted}
        aria-label="Service level"
        placeholder={filters.sla ? undefined : 'Service level'}
        data={slaStates.map((s) => ({ value: s, label: slaLabel[s] }))}
        value={split(filters.sla)}
        onChange={(v) => setFilter('sla', v.join(',') || null)}
        w={w(170)}
        clearable
      />
      <Switch
        label="Overdue"
        checked={filters.overdue === 'true'}
        onChange={(e) => setFilter('overdue', e.currentTarget.checked ? 'true' : null)}
        mb={6}
      />
      {active && (
        <Button
          variant="subtle"
          size="sm"
          onClick={() => {
            setText('');
            clear();
          }}
        >
          Clear filters
        </Button>
      )}
    </>
  );

  if (!phone) {
    return (
      <Group gap="sm" wrap="wrap" align="flex-end">
        {search}
        {controls}
      </Group>
    );
  }
  return (
    <div>
      <Group gap="sm" wrap="nowrap">
        {search}
        <Button
          variant="default"
          onClick={toggle}
          aria-expanded={open}
          aria-controls={panelId}
          rightSection={
            folded ? (
              <Badge size="sm" circle>
                {folded}
              </Badge>
            ) : undefined
          }
        >
          Filters
        </Button>
      </Group>
      <Collapse expanded={open} id={panelId}>
        <Group gap="sm" wrap="wrap" align="flex-end" pt="sm">
          {controls}
        </Group>
      </Collapse>
    </div>
  );
});

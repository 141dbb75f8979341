import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type BoardFilters = {
  q?: string;
  department?: string;
  type?: string;
  assignee?: string;
  classification?: string;
  overdue?: string;
  /** Service-level states, comma-separated (`at_risk,breached`), as the API's `sla` takes them. */
  sla?: string;
};

const keys = ['q', 'department', 'type', 'assignee', 'classification', 'overdue', 'sla'] as const;

export function filtersFromSearch(params: URLSearchParams): BoardFilters {
  const filters: BoardFilters = {};
  for (const k of keys) {
    const v = params.get(k);
    if (v) filters[k] = v;
  }
  return filters;
}

/**
 * Board filters live in the URL, so a filtered view can be shared by copying the address.
 * The same objects while the filters stay (opening a card changes the URL too), so the filter
 * bar, memoised, does not re-render with every render of the board page.
 */
export function useBoardFilters() {
  const [params, setParams] = useSearchParams();
  const key = keys.map((k) => params.get(k) ?? '').join('\u0000');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` is the filters' part of `params`
  const filters = useMemo(() => filtersFromSearch(params), [key]);
  const setFilter = useCallback(
    (key: keyof BoardFilters, value: string | null) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          next.delete('card');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const clear = useCallback(() => setParams({}, { replace: true }), [setParams]);
  const active = keys.some((k) => filters[k]);
  return { filters, setFilter, clear, active };
}

/** The open card drawer is in the URL too (?card=42), so a link opens the card. */
export function useOpenCard() {
  const [params, setParams] = useSearchParams();
  const id = Number(params.get('card')) || null;
  const open = (cardId: number | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (cardId) next.set('card', String(cardId));
      else next.delete('card');
      return next;
    });
  return { id, open };
}

import { useSearchParams } from 'react-router';
import { statuses, type Status } from '@altitude/shared/domain';

const storageKey = 'altitude.board.column';
const isStatus = (v: string | null): v is Status => v !== null && (statuses as readonly string[]).includes(v);

function stored(): Status | null {
  try {
    const v = sessionStorage.getItem(storageKey);
    return isStatus(v) ? v : null;
  } catch {
    // Storage can be refused (private mode, a locked-down browser): the URL still holds the column.
    return null;
  }
}

/**
 * The one column a phone shows: in the URL (`?column=in_progress`) so a link or reload keeps it,
 * and in session storage so leaving the board and coming back through the menu does too.
 */
export function useColumnSwitcher(fallback: Status = 'intake') {
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get('column');
  const column: Status = isStatus(fromUrl) ? fromUrl : (stored() ?? fallback);
  const choose = (next: Status) => {
    try {
      sessionStorage.setItem(storageKey, next);
    } catch {
      // See above: the URL alone is enough.
    }
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        out.set('column', next);
        return out;
      },
      { replace: true },
    );
  };
  return { column, choose };
}

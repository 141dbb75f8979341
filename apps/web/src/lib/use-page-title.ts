import { useEffect } from 'react';

/**
 * The tab and history title of a screen, "Board · Altitude" (screen readers announce it on
 * navigation). Without a name it leaves the title alone, for a page that names itself.
 */
export function usePageTitle(name: string | null | undefined) {
  useEffect(() => {
    if (name) document.title = `${name} · Altitude`;
  }, [name]);
}

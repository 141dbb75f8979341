import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

/** How long to wait for a screen's code and first render before leaving focus alone. */
const patienceMs = 10_000;

/**
 * After a move to another screen inside the app, focus goes to the new screen's `h1`, as GOV.UK
 * and Gatsby do: a screen reader then reads where the person arrived, and the next Tab starts
 * at the top of the new screen instead of on the link that was followed (which stays in the nav),
 * or on the page's body once the old screen's link is gone.
 *
 * The router moves in a transition: the old screen stays until the new one's code has loaded,
 * and this effect runs when the new screen commits. Its heading may come later still (a page
 * that waits for its data), so this looks for it on each frame, for a while. It never takes focus
 * from where the new screen or the person has put it since (a field, an opened drawer): only from
 * the body, or from the element that had focus when the new screen came.
 * Only the path counts: a filter, a tab or an opened card (`?card=`) is the same screen.
 */
export function useFocusOnArrival(main: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const previous = useRef<string | null>(null);

  useEffect(() => {
    const from = previous.current;
    previous.current = pathname;
    // A page load is not a move (the browser starts at the top already), nor is the home
    // address's redirect to the person's first screen.
    if (from === null || from === '/' || from === pathname) return;
    const root = main.current;
    if (!root) return;
    const focused = document.activeElement;
    const started = performance.now();
    let frame = 0;

    const look = () => {
      const heading = root.querySelector('h1');
      if (!heading) {
        if (performance.now() - started < patienceMs) frame = requestAnimationFrame(look);
        return;
      }
      const active = document.activeElement;
      const untouched = active === null || active === document.body || active === focused;
      if (!untouched) return;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
    };
    frame = requestAnimationFrame(look);
    return () => cancelAnimationFrame(frame);
  }, [pathname, main]);
}

import { createElement, lazy, useState, type ComponentType } from 'react';

/**
 * A page's lazy component whose code can be asked for ahead of its first render (`preload`, e.g.
 * from its route's loader). Once the code is in, the page renders at once: React.lazy alone
 * suspends on its first render even when the module is already there (its promise settles a
 * microtask later), and the Suspense boundary then shows its fallback; React reveals what was
 * behind a fallback no sooner than 300 ms after the fallback showed (its throttle), and the
 * board's first card waited on that timer. Before the code is in, it is React.lazy as before.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (err: unknown) => {
        // A failed fetch may be tried again by the next render or preload.
        loading = undefined;
        throw err;
      },
    ));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Preloadable(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the component would remount the page.
    const [component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return createElement(component, props);
  }
  return Object.assign(Preloadable, { preload });
}

import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/**
 * A screen (route page, chart tab, shell banner) whose code is fetched the first time it is shown, so the
 * first load holds the shell and the sign-in page only. A `register.ts` names its screens this way; the
 * route's and the chart tab's `Suspense` show a loading state while the chunk arrives.
 */
const loaders: (() => Promise<unknown>)[] = [];

export function lazyScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
): LazyExoticComponent<ComponentType<P>> {
  loaders.push(load);
  return lazy(() => load().then((component) => ({ default: component })));
}

/** Loads every registered screen's code (tests start from loaded modules, as a warm browser cache would). */
export function preloadScreens(): Promise<unknown> {
  return Promise.all(loaders.map((load) => load()));
}

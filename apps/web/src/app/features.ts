/**
 * Loads every feature's `register.ts` (eagerly, in path order), so a new feature folder with a
 * `register.ts` plugs into navigation, routes and the patient chart without editing the app. A feature may
 * sit one folder deeper when it shares an area with others (`features/access/<feature>/register.ts`).
 * A `register.ts` names its screens with `lazyScreen(() => import(…))` (`lazy-screen.ts`): the registrations
 * are in the first load, each page's and chart tab's code is fetched when it is first shown, so the sign-in
 * page and the board stay small (`bench/web-bundle.bench.ts`).
 */
import.meta.glob(['../features/*/register.ts', '../features/*/*/register.ts'], { eager: true });

/**
 * Loads every feature's `register.ts` (eagerly, in path order), so a new feature folder with a
 * `register.ts` plugs into navigation, routes and the patient chart without editing the app. A feature may
 * sit one folder deeper when it shares an area with others (`features/access/<feature>/register.ts`).
 */
import.meta.glob(['../features/*/register.ts', '../features/*/*/register.ts'], { eager: true });

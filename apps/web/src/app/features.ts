/**
 * Loads every feature's `register.ts` (eagerly, in path order), so a new feature folder with a
 * `register.ts` plugs into navigation, routes and the patient chart without editing the app. The access
 * features (billing, sliding scale, estimates) sit one level deeper, under `features/access/`.
 */
import.meta.glob('../features/*/register.ts', { eager: true });
import.meta.glob('../features/access/*/register.ts', { eager: true });

/**
 * Vitest global setup (integration and browser journeys): builds the server bundle (`apps/server/dist/cli.mjs`,
 * scripts/build.mjs) when a source is newer than it, once per run and before any test file starts. Tests that
 * run `plasticity` as a process then run the compiled code that ships (and start in about half the time of
 * the TypeScript sources); `bin/plasticity.mjs` would fall back to the sources if the bundle were stale.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUILD = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'build.mjs');

export default function setup(): void {
  const r = spawnSync(process.execPath, [BUILD, '--if-stale'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`building the server failed (exit ${r.status ?? r.signal})`);
}

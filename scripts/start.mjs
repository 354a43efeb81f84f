// `npm start`, in one Node process: build the web app when its sources changed (`ensure-web-build.mjs`), build the
// server bundle when a source is newer than it, then run `plasticity serve` here (no further Node start-up; signals
// reach the server directly, as with `npx plasticity serve`).
import './ensure-web-build.mjs';
import { buildServer, isServerBuildCurrent } from '../apps/server/scripts/build.mjs';

if (!isServerBuildCurrent()) {
  console.log('Building the server…');
  await buildServer();
}
process.argv.splice(2, process.argv.length - 2, 'serve', ...process.argv.slice(2));
await import('../apps/server/bin/plasticity.mjs');

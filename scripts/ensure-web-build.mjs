// Builds the web app when apps/web/dist is missing or older than its sources, so `npm start`
// always serves the current UI without a separate build step.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const web = join(import.meta.dirname, '..', 'apps', 'web');
const stamp = join(web, 'dist', 'index.html');
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const sources = Math.max(newest(join(web, 'src')), newest(join(import.meta.dirname, '..', 'packages')));
if (!existsSync(stamp) || statSync(stamp).mtimeMs < sources) {
  console.log('Building the web app (on the first start, and again after its sources change)…');
  execSync('npm run build -w @plasticity/web', { stdio: 'inherit', cwd: join(import.meta.dirname, '..') });
}

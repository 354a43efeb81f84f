#!/usr/bin/env node
// Entry point of `npx plasticity`. Runs the compiled server (`dist/cli.mjs`, see scripts/build.mjs) when it
// exists and no source is newer; otherwise runs the TypeScript sources through tsx in this same process, so
// the command works straight after `npm install`. PLASTICITY_FROM_SOURCE=1 always runs the sources (tests).
// No wrapper process either way, so signals reach the server directly.
import { isServerBuildCurrent, SERVER_BUNDLE } from '../scripts/build.mjs';

let main;
if (process.env.PLASTICITY_FROM_SOURCE !== '1' && isServerBuildCurrent()) {
  process.setSourceMapsEnabled(true);
  ({ main } = await import(SERVER_BUNDLE));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
const code = await main(process.argv.slice(2));
if (code >= 0) process.exit(code);

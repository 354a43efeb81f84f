#!/usr/bin/env node
// Entry point of `npx plasticity`: runs the TypeScript CLI through tsx in this same process
// (no wrapper process, so signals reach the server directly).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
if (code >= 0) process.exit(code);

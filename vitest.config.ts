import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Vitest's default is one worker fewer than the cores (one worker on a 2-core machine, leaving a core idle).
// Tests here wait on databases, PGlite's WebAssembly and jsdom in turn, so every core gets a worker, and
// the integration tier one more (its files wait on the PostgreSQL server half the time).
const CORES = availableParallelism();

/**
 * Three projects, one command (`npm test` runs them all through scripts/test.mjs):
 * - unit: pure code beside its source (`*.test.ts(x)` under packages/ and apps/), no database.
 * - integration: the real HTTP app on the embedded database and, when TEST_DATABASE_URL is set,
 *   on a PostgreSQL server (`*.int.test.ts`).
 * - e2e: browser journeys in headless Chromium against a running server (`e2e/*.e2e.test.ts`).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/server/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          maxWorkers: CORES,
          // A few unit files start an embedded PostgreSQL (seconds of WebAssembly start-up on a busy machine).
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.tsx', 'apps/web/src/**/*.test.ts'],
          environment: 'jsdom',
          // jsdom + Mantine renders are CPU-bound: give a busy 2-core CI machine room.
          testTimeout: 20_000,
          maxWorkers: CORES,
          setupFiles: ['apps/web/src/test/setup.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['apps/server/src/**/*.int.test.ts', 'packages/db/src/**/*.int.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['packages/db/src/testing/global-setup.ts'],
          fileParallelism: true,
          maxWorkers: CORES + 1,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

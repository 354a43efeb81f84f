import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Vitest's default is one worker fewer than the cores (one worker on a 2-core machine, leaving a core idle).
// Tests here wait on databases, PGlite's WebAssembly and jsdom in turn, so every core gets a worker, and
// the integration tier one more (its files wait on the PostgreSQL server half the time).
const CORES = availableParallelism();

/**
 * The page-text journeys take about a minute each, three times the others: they start first, so the two
 * workers finish together (Vitest orders files it has no timings for by size, and theirs are small).
 */
class LongestJourneysFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => (f.moduleId.includes('/page-text-') ? 0 : 1);
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

/**
 * Four projects, one command (`npm test` runs them all through scripts/test.mjs):
 * - unit: pure code beside its source (`*.test.ts(x)` under packages/ and apps/), no database.
 * - integration: the real HTTP app on the embedded database and, when TEST_DATABASE_URL is set,
 *   on a PostgreSQL server (`*.int.test.ts`); files that mock a module (`*.mocks.int.test.ts`) in
 *   `integration-mocks`, with a module graph of their own.
 * - e2e: browser journeys in headless Chromium against a running server (`e2e/*.e2e.test.ts`).
 */
export default defineConfig({
  test: {
    // Vitest takes the sequencer from the root config only; it changes nothing outside the journeys.
    sequence: { sequencer: LongestJourneysFirst },
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
          // Files share a worker's modules (Mantine, React and the app are imported once per worker): each
          // test renders its own app with its own query cache, and the setup file resets what a test leaves.
          isolate: false,
          setupFiles: ['apps/web/src/test/setup.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['apps/server/src/**/*.int.test.ts', 'packages/db/src/**/*.int.test.ts'],
          exclude: ['**/*.mocks.int.test.ts', '**/node_modules/**'],
          sequence: { groupOrder: 2 },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['packages/db/src/testing/global-setup.ts', 'apps/server/src/test/build-server.ts'],
          fileParallelism: true,
          maxWorkers: CORES + 1,
          // Files share a worker's loaded modules (the app's module graph is imported once per worker, not
          // once per file): every file builds its own app and database, and the server keeps no state at
          // module level beyond caches of immutable values.
          isolate: false,
        },
      },
      {
        // Integration files that replace a module with `vi.mock` (`*.mocks.int.test.ts`) need a fresh module
        // graph per file; `npm test` runs them with the integration tier.
        test: {
          name: 'integration-mocks',
          sequence: { groupOrder: 3 },
          include: ['apps/server/src/**/*.mocks.int.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['packages/db/src/testing/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          globalSetup: ['apps/server/src/test/build-server.ts'],
          // Each journey file starts its own server (own data directory, port 0) and browser: two at a time.
          fileParallelism: true,
          maxWorkers: CORES,
        },
      },
    ],
  },
});

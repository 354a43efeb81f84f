// The server's production build: `apps/server/dist/cli.mjs` and the chunks it loads when a command runs (each
// with a source map), bundled by esbuild from `src/cli/main.ts`. The workspace packages (@plasticity/*, TypeScript sources) are inlined;
// every npm dependency stays external and is loaded from node_modules at run time.
//
// Files read at run time (SQL migrations, the built web app) are found from the source file's location
// (`import.meta.url`). In the bundle each such `import.meta.url` is rewritten to the URL its source file has,
// computed relative to the bundle, so `packages/db/migrations` and `apps/web/dist` are found in place.
//
//   node apps/server/scripts/build.mjs             build
//   node apps/server/scripts/build.mjs --if-stale  build only when the bundle is missing or older than a source
//
// `bin/plasticity.mjs` runs the bundle when `isServerBuildCurrent()`, and the TypeScript sources through tsx
// otherwise. This module imports esbuild only when it builds.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SERVER = join(import.meta.dirname, '..');
const ROOT = join(SERVER, '..', '..');
export const SERVER_BUNDLE = join(SERVER, 'dist', 'cli.mjs');

/** Where the bundle's code comes from: a newer file here makes the bundle stale. */
const SOURCES = [
  join(SERVER, 'src'),
  join(SERVER, 'package.json'),
  fileURLToPath(import.meta.url),
  ...['clinical', 'contracts', 'db'].flatMap((p) => [
    join(ROOT, 'packages', p, 'src'),
    join(ROOT, 'packages', p, 'package.json'),
  ]),
];

/** Tests are not part of the bundle: editing one does not make it stale. */
const isTest = (name) => /\.test\.tsx?$/.test(name) || name === 'test' || name === 'testing';

function newest(path) {
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s) return 0;
  if (!s.isDirectory()) return s.mtimeMs;
  let t = s.mtimeMs; // a file removed or renamed changes its folder
  for (const e of readdirSync(path, { withFileTypes: true })) {
    if (isTest(e.name)) continue;
    t = Math.max(t, newest(join(path, e.name)));
  }
  return t;
}

/** True when the bundle exists and no source is newer. */
export function isServerBuildCurrent() {
  if (!existsSync(SERVER_BUNDLE)) return false;
  const built = statSync(SERVER_BUNDLE).mtimeMs;
  return SOURCES.every((p) => newest(p) <= built);
}

/** Rewrites `import.meta.url` in workspace sources to the source file's own URL, relative to the bundle. */
const sourceUrls = {
  name: 'source-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.split(sep).includes('node_modules')) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = relative(dirname(SERVER_BUNDLE), args.path).split(sep).join('/');
      const url = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

/** npm packages stay external; workspace packages (TypeScript sources) are bundled. */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@plasticity/') ? undefined : { path: args.path, external: true },
    );
  },
};

export async function buildServer() {
  const { build } = await import('esbuild');
  // A build replaces the folder: chunks are named by their content's hash, so old ones would pile up.
  rmSync(dirname(SERVER_BUNDLE), { recursive: true, force: true });
  await build({
    entryPoints: { cli: join(SERVER, 'src', 'cli', 'main.ts') },
    outdir: dirname(SERVER_BUNDLE),
    outExtension: { '.js': '.mjs' },
    // What a command imports with `import()` is a chunk of its own, loaded when the command runs (cli/main.ts).
    // Chunks sit beside the entry, so the source URLs below hold for every one of them.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    // Stack traces need the positions only: the sources are in the repository, so the map does not carry them
    // (a third of the size, read at every start).
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [externalPackages, sourceUrls],
  });
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  if (process.argv.includes('--if-stale') && isServerBuildCurrent()) process.exit(0);
  console.log('Building the server…');
  await buildServer();
}

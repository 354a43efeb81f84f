/**
 * Web first-load benchmark. Target: the sign-in page and the live board each load ≤ 300 KB (300,000 bytes)
 * of compressed JavaScript.
 *
 * Builds the web app (`vite build`, which writes `apps/web/dist/.vite/manifest.json`), then follows the module
 * graph the browser follows: the entry chunk (`index.html`) and every chunk it imports statically (those are
 * fetched before the app runs), plus, for a page, the lazy chunk of each screen it shows and their static imports.
 * The sign-in page is part of the entry (it is shown whenever nobody is signed in); the board adds its page and
 * the banners the shell shows above every clinical page. Each chunk is counted once, compressed on its own with
 * gzip (level 9) and brotli (quality 11), as a server or CDN would send it. Stylesheets are not JavaScript and
 * are reported apart.
 *
 * Run: `npm run bench -- web-bundle`. BENCH_WEB_NO_BUILD=1 reads an existing `apps/web/dist` instead.
 * Exit code 1 when a page's gzip figure misses the target.
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TARGET_BYTES = 300_000;
const root = join(import.meta.dirname, '..');
const dist = join(root, 'apps', 'web', 'dist');

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** What each page shows beyond the entry: the source files of its lazily loaded screens. */
const PAGES: { name: string; screens: string[] }[] = [
  { name: 'sign-in page', screens: [] },
  {
    name: 'live board',
    screens: ['src/features/sessions/BoardPage.tsx', 'src/features/alerts/OpenAlertsBanner.tsx'],
  },
];

function closure(manifest: Manifest, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    seen.add(key);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  for (const key of keys) visit(key);
  return seen;
}

function sizes(files: string[]): { raw: number; gzip: number; brotli: number } {
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { raw, gzip, brotli };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

if (process.env.BENCH_WEB_NO_BUILD !== '1') {
  execSync('npm run build -w @plasticity/web', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
const entries = Object.entries(manifest)
  .filter(([, chunk]) => chunk.isEntry)
  .map(([key]) => key);

const allJs = Object.values(manifest)
  .map((c) => c.file)
  .filter((f) => f.endsWith('.js'));
const all = sizes([...new Set(allJs)]);
console.log(
  `whole app: ${allJs.length} chunks, ${kb(all.raw)} minified, ${kb(all.gzip)} gzip, ${kb(all.brotli)} brotli`,
);

let missed = 0;
for (const page of PAGES) {
  const keys = closure(manifest, [...entries, ...page.screens]);
  const chunks = [...keys].map((key) => manifest[key]).filter((c) => c !== undefined);
  const js = sizes(chunks.map((c) => c.file).filter((f) => f.endsWith('.js')));
  const css = sizes([...new Set(chunks.flatMap((c) => c.css ?? []))]);
  const ok = js.gzip <= TARGET_BYTES;
  if (!ok) missed++;
  console.log(
    `${ok ? '✔' : '✘'} ${page.name}: ${kb(js.gzip)} gzip (${kb(js.brotli)} brotli, ${kb(js.raw)} minified) ` +
      `of JavaScript in ${chunks.length} chunks, target ≤ ${kb(TARGET_BYTES)} gzip; CSS ${kb(css.gzip)} gzip`,
  );
}
process.exit(missed ? 1 : 0);

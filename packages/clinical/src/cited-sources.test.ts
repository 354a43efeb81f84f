/**
 * Comments and docs cite sources a reader of the repository can open: the primary source itself (a label,
 * a regulation, a manual) or `docs/clinical-sources.md`. This test reads every source and documentation
 * file of the repository (TypeScript, JavaScript, SQL, Markdown, JSON, CSS, HTML, the CI script; not
 * `node_modules` or build output) and fails on:
 * - the name of the former internal notes file (`REFERENCE.md`) or a path outside the repository
 *   (`../shared/clinical`, `/work/shared`);
 * - a reference to an issue tracker entry ("issue 6 §4", "(issue 3)"): say what the code does and why, or
 *   point at the `docs/ARCHITECTURE.md` section that explains it;
 * - a `docs/clinical-sources.md#anchor` link whose anchor is not a heading of that file.
 * A few occurrences must stay: text that is stored or checksummed, and code that removes or detects the
 * old file name. They are listed in `ALLOWED` with the reason; an entry that no longer matches fails too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SELF = 'packages/clinical/src/cited-sources.test.ts';
const SKIP_DIRS = new Set([
  'node_modules',
  '.git',
  'dist',
  'data',
  '.tmp',
  'test-results',
  'screenshots',
  'coverage',
]);
const EXTENSIONS = /\.(ts|tsx|mts|cts|js|mjs|cjs|sql|md|json|css|html|ya?ml|sh)$/;
const SKIP_FILES = new Set(['package-lock.json']);

/** What a comment or doc must not contain, each with a name for the failure message. */
const FORBIDDEN: ReadonlyArray<readonly [string, RegExp]> = [
  ['internal notes file', /REFERENCE\.md/],
  ['path outside the repository', /(?:\.\.\/)+shared\/clinical|\/work\/shared/],
  ['issue tracker reference', /\bissues? #?\d+\b/i],
];

/** Applied migrations are checksummed (`packages/db/src/migrate.ts`): editing one, even a comment, would
 * stop every existing database from starting. New migrations are checked like any other file. */
const FROZEN_MIGRATIONS = [
  '0002_measurement.sql',
  '0007_session_register.sql',
  '0008_ingest_cost.sql',
  '0011_administration_checks.sql',
  '0014_outbox_links.sql',
  '0015_browser_edge.sql',
].map((f) => `packages/db/migrations/${f}`);

const STORED_RULE_SOURCE =
  'eligibility rule `source` text, copied into the default rule set each clinic stores (plan_eligibility_rule_sets); ' +
  'screens remove the file name through sourceForDisplay';
const VERSIONED_DEFINITION =
  'text of a versioned instrument definition that stored assessments are read with; screens remove the file name';

const RULES = 'packages/clinical/src/eligibility/default-rules-review.ts';
const DEFS = 'packages/clinical/src/instruments/definitions';
/** Lines that may keep a forbidden mention: [file, a fragment of the line, why]. */
const ALLOWED: ReadonlyArray<readonly [string, string, string]> = [
  [RULES, '9–10 severe (REFERENCE.md §1)', STORED_RULE_SOURCE],
  [RULES, 'active-SUD rule (REFERENCE.md §2)', STORED_RULE_SOURCE],
  [RULES, '(not in REFERENCE.md, UNVERIFIED)', STORED_RULE_SOURCE],
  [RULES, 'high risk (REFERENCE.md §1)', STORED_RULE_SOURCE],
  [RULES, 'moderate risk (REFERENCE.md §1)', STORED_RULE_SOURCE],
  [RULES, 'cystitis; not in REFERENCE.md', STORED_RULE_SOURCE],
  [`${DEFS}/dast10.ts`, 'licence:', VERSIONED_DEFINITION],
  [`${DEFS}/moaas.ts`, 'licence:', VERSIONED_DEFINITION],
  [`${DEFS}/cssrs-screen-v1.ts`, 'terms UNVERIFIED (REFERENCE.md)', VERSIONED_DEFINITION],
  [`${DEFS}/common.ts`, "'Plasticity outcome definitions (REFERENCE.md", VERSIONED_DEFINITION],
  [
    'packages/clinical/src/citations.ts',
    'REFERENCE',
    'removes the file name from stored source text for display',
  ],
  ['packages/clinical/src/citations.test.ts', 'REFERENCE', 'tests that removal'],
  ['e2e/page-text.ts', 'REFERENCE.md', 'the journey fails when a page shows the file name'],
];

function walk(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(join(dir, entry.name), out);
    } else if ((EXTENSIONS.test(entry.name) && !SKIP_FILES.has(entry.name)) || entry.name === 'run') {
      out.push(relative(ROOT, join(dir, entry.name)).split(sep).join('/'));
    }
  }
  return out;
}

/** Every forbidden mention in a text: which rule, the 1-based line and its text. */
export function forbiddenMentions(text: string): Array<{ rule: string; line: number; text: string }> {
  const found: Array<{ rule: string; line: number; text: string }> = [];
  text.split('\n').forEach((line, i) => {
    for (const [rule, re] of FORBIDDEN)
      if (re.test(line)) found.push({ rule, line: i + 1, text: line.trim() });
  });
  return found;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped (hyphens and underscores kept), spaces to hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of markdown.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = headingAnchor(m[1] ?? '');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

const files = walk(ROOT, []).filter((f) => f !== SELF);
const read = (f: string): string => readFileSync(join(ROOT, f), 'utf8');

describe('the matchers', () => {
  it('find each kind of forbidden mention, and nothing else', () => {
    const text = [
      ' * Monitoring defaults (REFERENCE.md §2).',
      ' * See ../shared/clinical/notes.md and /work/shared/clinical.',
      ' * The pre-dose checklist (issue 6 §2); the register (issue 5); Issue 13 §3.',
      ' * RFC 6238 §5.2; 21 CFR 1304.22(c); an issue a new link; import from "../shared/load.ts".',
    ].join('\n');
    expect(forbiddenMentions(text).map((f) => [f.rule, f.line])).toEqual([
      ['internal notes file', 1],
      ['path outside the repository', 2],
      ['issue tracker reference', 3],
    ]);
  });

  it('turn headings into GitHub anchors', () => {
    expect(headingAnchor('C-SSRS screener')).toBe('c-ssrs-screener');
    expect(headingAnchor('Right drug and route (pre-dose checklist)')).toBe(
      'right-drug-and-route-pre-dose-checklist',
    );
    expect(headingAnchor('Schedule III records')).toBe('schedule-iii-records');
  });
});

describe('sources cited in the repository', () => {
  it('reads the repository (the walk finds the code and the docs)', () => {
    expect(files).toContain('docs/clinical-sources.md');
    expect(files).toContain('apps/server/src/app.ts');
    expect(files.length).toBeGreaterThan(300);
  });

  it('never point at the internal notes file, outside the repository or at an issue tracker', () => {
    const used = new Set<number>();
    const problems: string[] = [];
    for (const f of files) {
      if (FROZEN_MIGRATIONS.includes(f)) continue;
      for (const hit of forbiddenMentions(read(f))) {
        const i = ALLOWED.findIndex(([file, fragment]) => file === f && hit.text.includes(fragment));
        if (i >= 0) used.add(i);
        else problems.push(`${f}:${hit.line} (${hit.rule}): ${hit.text}`);
      }
    }
    expect(problems).toEqual([]);
    const stale = ALLOWED.filter((_, i) => !used.has(i)).map(([file, fragment]) => `${file}: ${fragment}`);
    expect(stale).toEqual([]);
    for (const f of FROZEN_MIGRATIONS) expect(files).toContain(f);
  });

  it('link only to headings that exist in docs/clinical-sources.md', () => {
    const anchors = anchorsOf(read('docs/clinical-sources.md'));
    const broken: string[] = [];
    for (const f of files) {
      const text = read(f);
      const links = [...text.matchAll(/clinical-sources\.md#([\p{L}\p{N}_-]+)/gu)].map((m) => m[1] ?? '');
      if (f === 'docs/clinical-sources.md')
        links.push(...[...text.matchAll(/\]\(#([\p{L}\p{N}_-]+)\)/gu)].map((m) => m[1] ?? ''));
      for (const a of links) if (!anchors.has(a)) broken.push(`${f}: #${a}`);
    }
    expect(broken).toEqual([]);
  });
});

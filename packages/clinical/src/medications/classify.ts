/**
 * Recognising a medicine on the patient's list: by its RxNorm code when it has one, otherwise by a whole-word
 * match of an ingredient or brand name from the curated table in the free text ("Ativan 1 mg at night" →
 * lorazepam). What is not recognised keeps no class and no code (free text). Sources: see `drug-table.ts`.
 */
import { DRUG_CLASSES, DRUG_TABLE, type DrugClass, type DrugEntry } from './drug-table.ts';

export interface ListedDrug {
  name: string;
  rxcui?: string | null;
}

const norm = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const BY_RXCUI = new Map(DRUG_TABLE.filter((e) => e.rxcui).map((e) => [e.rxcui as string, e]));
/** Longest terms first, so "dexmethylphenidate" is found before "methylphenidate" could be. */
const TERMS = DRUG_TABLE.flatMap((e) =>
  [e.name, ...e.aliases].map((t) => ({ term: norm(t), entry: e })),
).sort((a, b) => b.term.length - a.term.length);

/**
 * The table entry a free-text name refers to (whole words, case and punctuation ignored), if any.
 *
 * @example
 * lookupDrug('Adderall XR 20 mg')?.name; // 'amphetamine'
 */
export function lookupDrug(text: string): DrugEntry | undefined {
  const words = ` ${norm(text)} `;
  return TERMS.find((t) => t.term && words.includes(` ${t.term} `))?.entry;
}

/** The table entry for a code or, failing that, for the name. */
export function drugOf(d: ListedDrug): DrugEntry | undefined {
  return (d.rxcui ? BY_RXCUI.get(d.rxcui) : undefined) ?? lookupDrug(d.name);
}

/** Classes of one listed medicine (empty when not recognised). */
export function classesOf(d: ListedDrug): readonly DrugClass[] {
  return drugOf(d)?.classes ?? [];
}

/**
 * For each class, the names on the list that belong to it.
 *
 * @example
 * medicationClasses([{ name: 'Nardil 15 mg' }]).maoi; // ['Nardil 15 mg']
 */
export function medicationClasses(list: readonly ListedDrug[]): Record<DrugClass, string[]> {
  const out = Object.fromEntries(DRUG_CLASSES.map((c) => [c, [] as string[]])) as Record<DrugClass, string[]>;
  for (const item of list) for (const c of classesOf(item)) out[c].push(item.name);
  return out;
}

/** Suggestions for a name being typed: ingredient names, with a brand in brackets when the brand matched. */
export function suggestDrugs(query: string, limit = 8): string[] {
  const q = norm(query);
  if (q.length < 2) return [];
  const out: string[] = [];
  for (const e of DRUG_TABLE) {
    const brand = e.aliases.find((a) => norm(a).startsWith(q));
    if (norm(e.name).startsWith(q)) out.push(cap(e.name));
    else if (brand) out.push(`${cap(e.name)} (${cap(brand)})`);
    if (out.length >= limit) break;
  }
  return out;
}

const cap = (s: string): string => s.replace(/\b[a-z]/g, (c) => c.toUpperCase());

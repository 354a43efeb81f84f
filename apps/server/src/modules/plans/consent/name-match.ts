/**
 * Loose match of a typed signature name against the name on record (ESIGN Act 15 U.S.C. §7006: an
 * electronic signature is a symbol adopted with intent to sign; the typed name must identify the signer).
 * Case, accents, punctuation, word order and extra middle names do not matter; first and last name must both
 * appear (a hyphenated or multi-word last name may be typed with spaces).
 */
const norm = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export function nameMatches(typed: string, firstName: string, lastName: string): boolean {
  const words = norm(typed).split(' ').filter(Boolean);
  const joined = words.join(' ');
  const has = (name: string) => {
    const n = norm(name);
    return n.length > 0 && (` ${joined} `.includes(` ${n} `) || words.includes(n.replace(/ /g, '')));
  };
  return has(firstName) && has(lastName);
}

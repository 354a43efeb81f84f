/**
 * Loose match of a typed signature name against the name on record (ESIGN Act 15 U.S.C. §7006: an
 * electronic signature is a symbol adopted with intent to sign; the typed name must identify the signer).
 * Case, accents, punctuation, word order and extra middle names do not matter; first and last name must both
 * appear (a hyphenated or multi-word last name may be typed with spaces). Letters of every script count, so a
 * name on record in Arabic or Chinese script can be signed (only Latin letters counted before, leaving such a
 * name empty and never matched); a family and given name typed together without a space match too.
 */
const norm = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export function nameMatches(typed: string, firstName: string, lastName: string): boolean {
  const words = norm(typed).split(' ').filter(Boolean);
  const joined = words.join(' ');
  const has = (name: string) => {
    const n = norm(name);
    return n.length > 0 && (` ${joined} `.includes(` ${n} `) || words.includes(n.replace(/ /g, '')));
  };
  // Written without a space between family and given name (Chinese, Japanese, Korean): 王小明.
  const compact = words.join('');
  const [f, l] = [norm(firstName).replace(/ /g, ''), norm(lastName).replace(/ /g, '')];
  if (f && l && (compact.includes(`${l}${f}`) || compact.includes(`${f}${l}`))) return true;
  return has(firstName) && has(lastName);
}

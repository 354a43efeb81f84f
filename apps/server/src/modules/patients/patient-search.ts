/**
 * What a patient search term means, as one SQL condition each index of migration 0039 can answer:
 * - a date of birth, as ISO (`1990-01-31`, the date format every screen shows) or as typed in the US
 *   (`01/31/1990`, `1/31/1990`): equality on `date_of_birth`;
 * - otherwise fragments of name or MRN: every word (at most 5) occurs in the lower-cased "first last MRN" text
 *   (trigram index), so "robin", "Robin Testcase", "Testcase, Robin" and "MRN-000002" all match;
 * - and, when the term holds 4 digits or more, the phone number by its digits (trigram index on the digits).
 */
import type { DB } from '@plasticity/db';
import { type ExpressionBuilder, type ExpressionWrapper, type SqlBool, sql } from 'kysely';

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The date a term names, as `YYYY-MM-DD`, or undefined when it is not a real calendar date. */
export function birthDateOf(term: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(term);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(term);
  const [y, m, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : us
      ? [Number(us[3]), Number(us[1]), Number(us[2])]
      : [0, 0, 0];
  if (!y) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return date.toISOString().slice(0, 10);
}

export function searchCondition(
  eb: ExpressionBuilder<DB, 'patients'>,
  query: string,
): ExpressionWrapper<DB, 'patients', SqlBool> {
  const birth = birthDateOf(query.trim());
  if (birth) return eb('date_of_birth', '=', birth);
  const terms = query
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean)
    .slice(0, 5);
  const words = eb.and(
    terms.map((t) =>
      eb(sql`lower(first_name || ' ' || last_name || ' ' || mrn)`, 'like', `%${likeEscape(t)}%`),
    ),
  );
  const digits = query.replace(/\D/g, '');
  if (digits.length < 4) return words;
  return eb.or([words, eb(sql`regexp_replace(coalesce(phone, ''), '\\D', '', 'g')`, 'like', `%${digits}%`)]);
}

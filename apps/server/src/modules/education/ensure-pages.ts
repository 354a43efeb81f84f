/**
 * Lazily seeds a clinic's education pages from the product-written defaults
 * (docs/clinical-sources.md#patient-education) the first time anyone in the clinic opens them: version 1 of
 * each page, edited by no one. After that the clinic edits its own copies; every edit is a new version.
 * A clinic that already has any page is left alone (a page it added is never joined by the defaults again).
 */
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import { DEFAULT_EDUCATION_PAGES } from './defaults/index.ts';

const seeded = new Set<string>();

export async function ensureEducationPages(db: Kysely<DB>, clinicId: string): Promise<void> {
  if (seeded.has(clinicId)) return;
  const has = async (x: Kysely<DB>) =>
    x
      .selectFrom('education_pages')
      .select('id')
      .where('clinic_id', '=', clinicId)
      .limit(1)
      .executeTakeFirst();
  if (await has(db)) {
    seeded.add(clinicId);
    return;
  }
  const run = async (trx: Kysely<DB>) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`education-pages:${clinicId}`}))`.execute(trx);
    if (await has(trx)) return;
    await trx
      .insertInto('education_pages')
      .values(
        DEFAULT_EDUCATION_PAGES.map((p) => ({
          clinic_id: clinicId,
          slug: p.slug,
          version: 1,
          title: p.title,
          summary: p.summary,
          body: p.body,
          topic: p.topic,
          sort_order: p.sortOrder,
          status: 'current' as const,
          change_note: 'Plasticity default page',
        })),
      )
      .execute();
  };
  // Inside a caller's transaction the seed commits (or rolls back) with it, so only cache our own commits.
  if (db.isTransaction) return run(db);
  await db.transaction().execute(run);
  seeded.add(clinicId);
}

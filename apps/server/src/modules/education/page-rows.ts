/** Reading education pages and a patient's reads, and shaping them as the contracts answer them. */
import type {
  EducationPage,
  EducationPageSummary,
  EducationPageVersion,
  EducationRead,
  PatientEducationItem,
} from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { notFound } from '../../platform/errors.ts';

type Db = Kysely<DB>;

export function selectPages(db: Db, clinicId: string) {
  return db
    .selectFrom('education_pages as p')
    .leftJoin('users as u', 'u.id', 'p.edited_by')
    .select([
      'p.slug',
      'p.version',
      'p.title',
      'p.summary',
      'p.body',
      'p.topic',
      'p.sort_order',
      'p.status',
      'p.change_note',
      'p.created_at',
      'u.display_name as edited_by_name',
    ])
    .where('p.clinic_id', '=', clinicId);
}

export type PageRow = Awaited<ReturnType<ReturnType<typeof selectPages>['executeTakeFirstOrThrow']>>;

/** The current version of every page, in reading order. */
export function currentPages(db: Db, clinicId: string): Promise<PageRow[]> {
  return selectPages(db, clinicId)
    .where('p.status', '=', 'current')
    .orderBy('p.sort_order')
    .orderBy('p.slug')
    .execute();
}

/** The current version of one page, or 404. */
export async function currentPage(db: Db, clinicId: string, slug: string): Promise<PageRow> {
  const row = await selectPages(db, clinicId)
    .where('p.slug', '=', slug)
    .where('p.status', '=', 'current')
    .executeTakeFirst();
  if (!row) throw notFound('education page');
  return row;
}

/** Every version of a page, newest first. */
export async function pageVersions(db: Db, clinicId: string, slug: string): Promise<EducationPageVersion[]> {
  const rows = await selectPages(db, clinicId)
    .where('p.slug', '=', slug)
    .orderBy('p.version', 'desc')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    title: r.title,
    status: r.status,
    editedByName: r.edited_by_name,
    changeNote: r.change_note,
    createdAt: r.created_at.toISOString(),
  }));
}

/** The patient's newest read of each page: slug → { version, readAt } (the first time that version was read). */
export async function readsOf(
  db: Db,
  clinicId: string,
  patientId: string,
): Promise<Map<string, { version: number; readAt: Date }>> {
  const rows = await db
    .selectFrom('education_reads')
    .select(['page_slug', 'page_version', 'read_at'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .execute();
  const out = new Map<string, { version: number; readAt: Date }>();
  for (const r of rows) {
    const seen = out.get(r.page_slug);
    if (!seen || r.page_version > seen.version)
      out.set(r.page_slug, { version: r.page_version, readAt: r.read_at });
  }
  return out;
}

export function readState(
  row: Pick<PageRow, 'version'>,
  read: { version: number; readAt: Date } | undefined,
): EducationRead | null {
  if (!read) return null;
  return { version: read.version, readAt: read.readAt.toISOString(), current: read.version >= row.version };
}

export function toSummary(row: PageRow, read: EducationRead | null): EducationPageSummary {
  return {
    slug: row.slug,
    version: row.version,
    title: row.title,
    summary: row.summary,
    topic: row.topic,
    sortOrder: row.sort_order,
    updatedAt: row.created_at.toISOString(),
    read,
  };
}

export function toPage(
  row: PageRow,
  read: EducationRead | null,
  versions: EducationPageVersion[],
): EducationPage {
  return {
    ...toSummary(row, read),
    body: row.body,
    editedByName: row.edited_by_name,
    changeNote: row.change_note,
    versions,
  };
}

export function toPatientItem(
  row: PageRow,
  read: { version: number; readAt: Date } | undefined,
): PatientEducationItem {
  return {
    slug: row.slug,
    title: row.title,
    topic: row.topic,
    currentVersion: row.version,
    readVersion: read?.version ?? null,
    readAt: read ? read.readAt.toISOString() : null,
    readCurrent: read ? read.version >= row.version : false,
  };
}

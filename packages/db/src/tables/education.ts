/**
 * Kysely types of the education module's tables (migration packages/db/migrations/0022_education.sql).
 * Pages are versioned lines (append-only: an edit supersedes, never overwrites); reads name the version.
 */
import type { Generated } from 'kysely';
import type { DefaultTimestamp } from '../schema.ts';

export type EducationTopicColumn = 'treatment' | 'session' | 'safety' | 'integration' | 'aftercare';

export interface EducationPagesTable {
  id: Generated<string>;
  clinic_id: string;
  slug: string;
  version: number;
  title: string;
  summary: string;
  /** Plain text: "## " headings and blank-line paragraphs (never HTML). */
  body: string;
  topic: EducationTopicColumn;
  sort_order: Generated<number>;
  status: 'current' | 'superseded';
  change_note: string | null;
  edited_by: string | null;
  created_at: DefaultTimestamp;
}

export interface EducationReadsTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  page_slug: string;
  page_version: number;
  read_at: DefaultTimestamp;
}

export interface EducationTables {
  education_pages: EducationPagesTable;
  education_reads: EducationReadsTable;
}

/** Column manifest (see columns.ts) of the education tables (migration 0022). */
import type { ColumnManifest } from './columns-types.ts';

// The literal type is the point: `as const satisfies` checks it against the table types while keeping each
// column's exact spec.
// biome-ignore lint/nursery/useExplicitType: see above
export const EDUCATION_COLUMNS = {
  education_pages: {
    id: 'uuid',
    clinic_id: 'uuid',
    slug: 'text',
    version: 'int',
    title: 'text',
    summary: 'text',
    body: 'text',
    topic: 'text',
    sort_order: 'int',
    status: 'text',
    change_note: 'text?',
    edited_by: 'uuid?',
    created_at: 'timestamptz',
  },
  education_reads: {
    id: 'uuid',
    clinic_id: 'uuid',
    patient_id: 'uuid',
    page_slug: 'text',
    page_version: 'int',
    read_at: 'timestamptz',
  },
} as const satisfies Partial<ColumnManifest>;

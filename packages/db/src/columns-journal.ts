/** Column manifest of the journal module's tables (migration 0021; see columns.ts). */
import type { ColumnManifest } from './columns-types.ts';

// The literal type is the point (see columns.ts).
// biome-ignore lint/nursery/useExplicitType: see above
export const JOURNAL_COLUMNS = {
  journal_prompts: {
    id: 'uuid',
    clinic_id: 'uuid',
    text: 'text',
    phase: 'text',
    protocol_key: 'text?',
    active: 'bool',
    sort_order: 'int',
    starter: 'bool',
    created_by: 'uuid?',
    created_at: 'timestamptz',
    updated_by: 'uuid?',
    updated_at: 'timestamptz',
  },
  journal_entries: {
    id: 'uuid',
    seq: 'int',
    clinic_id: 'uuid',
    patient_id: 'uuid',
    text: 'text',
    prompt_id: 'uuid?',
    prompt_text: 'text?',
    shared: 'bool',
    shared_at: 'timestamptz?',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  mood_checkins: {
    id: 'uuid',
    seq: 'int',
    clinic_id: 'uuid',
    patient_id: 'uuid',
    score: 'int',
    note: 'text?',
    recorded_at: 'timestamptz',
  },
} as const satisfies Partial<ColumnManifest>;

/** Journal prompts as the staff library answers them. */
import type { JournalPrompt } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely, Selectable } from 'kysely';

export type PromptRow = Selectable<DB['journal_prompts']>;

export function promptView(r: PromptRow): JournalPrompt {
  return {
    id: r.id,
    text: r.text,
    phase: r.phase,
    protocolKey: r.protocol_key,
    active: r.active,
    sortOrder: r.sort_order,
    starter: r.starter,
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The clinic's whole library (retired prompts too), in the library's order. */
export function selectPrompts(db: Kysely<DB>, clinicId: string) {
  return db
    .selectFrom('journal_prompts')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .orderBy('sort_order')
    .orderBy('created_at')
    .orderBy('id');
}

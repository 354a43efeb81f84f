/**
 * GET /api/v1/notes/search?q= — progress and integration notes of the caller's clinic whose text (or an
 * addendum's) contains the words, newest first, at most 50. Psychotherapy notes are never searched, not even
 * the caller's own (45 CFR 164.501; docs/clinical-sources.md#psychotherapy-notes). Roles: the care team
 * (admin, prescriber, nurse, therapist). 200 `{items}`; 400 naming `querystring.q`. Audited: the query (without
 * its words, which may name a patient) and one read entry per patient whose notes were returned.
 */
import { NoteSearchQuery, NoteSearchResult } from '@plasticity/contracts';
import { sql } from 'kysely';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { READ_NOTES } from './policies.ts';

const LIMIT = 50;
const AROUND = 80;

/** The LIKE pattern matching the words literally (% and _ escaped). */
const pattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The text around the first match (case-insensitive), with an ellipsis where it was cut. */
export function excerptOf(text: string, q: string): string {
  const at = text.toLowerCase().indexOf(q.toLowerCase());
  if (at < 0) return text.length > AROUND * 2 ? `${text.slice(0, AROUND * 2)}…` : text;
  const from = Math.max(0, at - AROUND);
  const to = Math.min(text.length, at + q.length + AROUND);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

export function searchNotesRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/notes/search',
    {
      config: { policy: READ_NOTES },
      schema: { querystring: NoteSearchQuery, response: { 200: NoteSearchResult }, tags: ['notes'] },
    },
    async (req) => {
      const a = authOf(req);
      const q = req.query.q;
      const like = pattern(q);
      const rows = await ctx.db
        .selectFrom('clinical_notes as n')
        .innerJoin('patients as p', (j) =>
          j.onRef('p.id', '=', 'n.patient_id').on('p.clinic_id', '=', a.clinicId),
        )
        .innerJoin('users as au', 'au.id', 'n.author_id')
        .select([
          'n.id',
          'n.patient_id',
          'n.kind',
          'n.body',
          'n.signed_at',
          'p.first_name',
          'p.last_name',
          'au.display_name',
          (eb) =>
            eb
              .selectFrom('clinical_note_addenda as d')
              .select('d.body')
              .whereRef('d.note_id', '=', 'n.id')
              .where(sql<boolean>`d.body ilike ${like}`)
              .orderBy('d.signed_at')
              .limit(1)
              .as('addendum'),
        ])
        .where('n.clinic_id', '=', a.clinicId)
        .where((eb) =>
          eb.or([
            sql<boolean>`n.body ilike ${like}`,
            eb.exists(
              eb
                .selectFrom('clinical_note_addenda as d')
                .select('d.id')
                .whereRef('d.note_id', '=', 'n.id')
                .where(sql<boolean>`d.body ilike ${like}`),
            ),
          ]),
        )
        .orderBy('n.signed_at', 'desc')
        .orderBy('n.seq', 'desc')
        .limit(LIMIT)
        .execute();
      const patients = [...new Set(rows.map((r) => r.patient_id))];
      await ctx.db.transaction().execute(async (trx) => {
        await ctx.audit.record(trx, actorOf(req), {
          action: 'query',
          resourceType: 'clinical_note_search',
          category: 'notes',
          details: { results: rows.length },
        });
        for (const patientId of patients)
          await ctx.audit.record(trx, actorOf(req), {
            action: 'read',
            resourceType: 'clinical_note',
            patientId,
            category: 'notes',
            details: { via: 'search' },
          });
      });
      return {
        items: rows.map((r) => ({
          noteId: r.id,
          patientId: r.patient_id,
          patientName: `${r.last_name}, ${r.first_name}`,
          kind: r.kind,
          authorName: r.display_name,
          signedAt: r.signed_at.toISOString(),
          excerpt: excerptOf(
            r.body.toLowerCase().includes(q.toLowerCase()) ? r.body : (r.addendum ?? r.body),
            q,
          ),
        })),
      };
    },
  );
}

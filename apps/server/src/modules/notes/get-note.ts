/**
 * GET /api/v1/notes/{id} — one note. The route admits every signed-in role and the handler decides
 * (find-note.ts): the care team reads progress and integration notes; a psychotherapy note is returned to its
 * custodian only (45 CFR 164.501, 164.508(a)(2)). Everyone else — the admin, other clinicians, the front desk,
 * the patient — gets 404, never 403, so a note's existence is not revealed. 200 with the note; every read is
 * audited (a psychotherapy note under its own resource type and category).
 */
import { ClinicalNote, IdParams } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { findReadableNote } from './find-note.ts';

export function getNoteRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/notes/:id',
    {
      config: { policy: allow.anyUser() },
      schema: { params: IdParams, response: { 200: ClinicalNote }, tags: ['notes'] },
    },
    async (req) => {
      const a = authOf(req);
      const note = await findReadableNote(ctx.db, a, req.params.id);
      const psychotherapy = note.kind === 'psychotherapy';
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: psychotherapy ? 'psychotherapy_note' : 'clinical_note',
        resourceId: note.id,
        patientId: note.patientId,
        category: psychotherapy ? 'psychotherapy_notes' : 'notes',
      });
      return note;
    },
  );
}
